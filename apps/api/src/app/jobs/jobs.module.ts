import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module';
import { DeliverablesModule } from '../deliverables/deliverables.module';
import { JobsService } from './jobs.service';

@Module({
  imports: [ContractsModule, DeliverablesModule],
  providers: [JobsService],
})
export class JobsModule {}
