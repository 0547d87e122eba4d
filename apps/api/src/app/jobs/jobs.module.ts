import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module';
import { JobsService } from './jobs.service';

@Module({
  imports: [ContractsModule],
  providers: [JobsService],
})
export class JobsModule {}
