import { Global, Module } from '@nestjs/common';
import { QueueService } from './queue.service';

/** Hosts the queue; each module registers its own jobs with QueueService. */
@Global()
@Module({ providers: [QueueService], exports: [QueueService] })
export class JobsModule {}
