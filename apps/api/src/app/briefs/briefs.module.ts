import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module';
import { BriefsController } from './briefs.controller';
import { BriefLifecycleService } from './brief-lifecycle.service';
import { BriefsService } from './briefs.service';

@Module({
  imports: [ContractsModule],
  controllers: [BriefsController],
  providers: [BriefsService, BriefLifecycleService],
  exports: [BriefsService],
})
export class BriefsModule {}
