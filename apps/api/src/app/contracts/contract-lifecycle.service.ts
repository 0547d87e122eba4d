import { Injectable } from '@nestjs/common';
import type { ContractDetailDto } from '@agency-portal/shared';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { invalidState } from '../common/errors/domain-error';
import { todayIso } from '../common/http/validators';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainEvents } from '../events/domain-events.service';
import { assertContractAction, contractFacts } from './contract-actions';
import { Contract } from './contract.entity';
import { contractSnapshot } from './contract.mapper';
import { ContractsService } from './contracts.service';

/** A contract's lifecycle by hand: draft → active, active → terminated (expiry is the daily job's). */
@Injectable()
export class ContractLifecycleService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly contracts: ContractsService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  /** draft → active: needs the signed document and an end date that has not passed. */
  async activate(actor: Actor, id: string): Promise<ContractDetailDto> {
    await this.uow.run(async (manager) => {
      const contract = await this.uow.lockVisible(manager, actor, 'contract', Contract, id);
      assertContractAction(contract, 'activate');
      if (!contract.signedDocumentId) {
        throw invalidState('Upload the signed document before activating the contract.');
      }
      if (contract.endDate < todayIso()) {
        throw invalidState('The contract has already ended; change its dates before activating it.');
      }
      const audited = {
        entity: 'contract',
        action: 'contract.activated',
        record: contract,
        snapshot: contractSnapshot,
      };
      await this.audit.saveChange(manager, actor, audited, (activated) => {
        activated.status = 'active';
        activated.activatedAt = new Date();
      });
      await this.events.publish(
        manager,
        {
          type: 'contract.activated',
          payload: { ...contractFacts(contract), startDate: contract.startDate, endDate: contract.endDate },
          audience: { agencyIds: [contract.agencyId] },
        },
        actor,
      );
    });
    return this.contracts.get(actor, id);
  }

  async terminate(actor: Actor, id: string, reason: string): Promise<ContractDetailDto> {
    await this.uow.run(async (manager) => {
      const contract = await this.uow.lockVisible(manager, actor, 'contract', Contract, id);
      assertContractAction(contract, 'terminate');
      const audited = {
        entity: 'contract',
        action: 'contract.terminated',
        record: contract,
        snapshot: contractSnapshot,
      };
      await this.audit.saveChange(manager, actor, audited, (terminated) => {
        terminated.status = 'terminated';
        terminated.terminationReason = reason;
        terminated.terminatedAt = new Date();
      });
      await this.events.publish(
        manager,
        {
          type: 'contract.terminated',
          payload: { ...contractFacts(contract), reason },
          audience: { agencyIds: [contract.agencyId] },
        },
        actor,
      );
    });
    return this.contracts.get(actor, id);
  }
}
