import { Injectable, type OnModuleInit } from '@nestjs/common';
import { renewalNoticeDate } from '@agency-portal/shared';
import { PinoLogger } from 'nestjs-pino';
import { AuditService } from '../audit/audit.service';
import { todayIso } from '../common/http/validators';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainEvents } from '../events/domain-events.service';
import { QueueService } from '../jobs/queue.service';
import { contractFacts } from './contract-actions';
import { Contract } from './contract.entity';
import { contractSnapshot } from './contract.mapper';

export interface LifecycleRun {
  expired: number;
  renewalNotices: number;
}

export const CONTRACT_LIFECYCLE_JOB = 'contracts.daily-lifecycle';

/** The contract lifecycle (expiry, renewal notices) daily at 00:15 UTC, and once at boot to catch up. */
@Injectable()
export class ContractJobs implements OnModuleInit {
  constructor(
    private readonly queue: QueueService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
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
        this.logger.info(await this.runDailyLifecycle(), 'Contract lifecycle run');
      },
    });
  }

  /**
   * The daily lifecycle run: active contracts past their end date expire, and contracts entering
   * their renewal notice window raise one notice to their owner. Safe to run more than once a day
   * and from several replicas at once (rows are locked and skipped when taken).
   */
  async runDailyLifecycle(today: string = todayIso()): Promise<LifecycleRun> {
    return this.uow.run(async (manager) => {
      const due: Contract[] = await manager
        .getRepository(Contract)
        .createQueryBuilder('contract')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where("contract.status = 'active'")
        .andWhere('contract.end_date < :today', { today })
        .getMany();
      for (const contract of due) {
        const audited = {
          entity: 'contract',
          action: 'contract.expired',
          record: contract,
          snapshot: contractSnapshot,
        };
        await this.audit.saveChange(manager, null, audited, (expired) => {
          expired.status = 'expired';
          expired.expiredAt = new Date();
        });
        await this.events.publish(manager, {
          type: 'contract.expired',
          payload: { ...contractFacts(contract), endDate: contract.endDate },
          audience: { userIds: [contract.ownerId], agencyIds: [contract.agencyId] },
        });
      }

      const renewing: Contract[] = await manager
        .getRepository(Contract)
        .createQueryBuilder('contract')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where("contract.status = 'active'")
        .andWhere('contract.renewal_notified_at IS NULL')
        .andWhere('contract.end_date >= :today', { today })
        .andWhere('contract.end_date - contract.renewal_notice_days <= CAST(:today AS date)', { today })
        .getMany();
      for (const contract of renewing) {
        contract.renewalNotifiedAt = new Date();
        await manager.save(contract);
        await this.audit.record(manager, null, {
          action: 'contract.renewal_notice_raised',
          entity: 'contract',
          entityId: contract.id,
          after: {
            endDate: contract.endDate,
            noticeFrom: renewalNoticeDate(contract.endDate, contract.renewalNoticeDays),
          },
        });
        await this.events.publish(manager, {
          type: 'contract.renewal_due',
          payload: {
            ...contractFacts(contract),
            endDate: contract.endDate,
            renewalNoticeDays: contract.renewalNoticeDays,
          },
          audience: { userIds: [contract.ownerId] },
        });
      }
      return { expired: due.length, renewalNotices: renewing.length };
    });
  }
}
