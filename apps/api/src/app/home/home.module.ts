import { Module } from '@nestjs/common';
import { HomeController } from './home.controller';
import { HomeService } from './home.service';

/** Home queues: reads across slices (entities only), no writes; on top of the module order. */
@Module({
  controllers: [HomeController],
  providers: [HomeService],
})
export class HomeModule {}
