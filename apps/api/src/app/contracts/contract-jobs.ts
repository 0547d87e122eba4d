import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { QueueService } from '../jobs/queue.service';
import { ContractsService } from './contracts.service';

export const CONTRACT_LIFECYCLE_JOB = 'contracts.daily-lifecycle';

/** The contract lifecycle (expiry, renewal notices) daily at 00:15 UTC, and once at boot to catch up. */
@Injectable()
export class ContractJobs implements OnModuleInit {
  constructor(
    private readonly queue: QueueService,
    private readonly contracts: ContractsService,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(ContractJobs.name);
  }

  onModuleInit(): void {
    this.queue.register({
      name: CONTRACT_LIFECYCLE_JOB,
      schedule: '15 0 * * *',
      runAtBoot: true,
      singleton: true,
      handle: async () => {
        this.logger.info(await this.contracts.runDailyLifecycle(), 'Contract lifecycle run');
      },
    });
  }
}
