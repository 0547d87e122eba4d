import { canDoContractAction, type ContractAction } from '@agency-portal/shared';
import { invalidState } from '../common/errors/domain-error';
import { msg } from '../i18n/message';
import type { Contract } from './contract.entity';

/** Refuses an action the contract's status does not allow (the shared lifecycle decides). */
export function assertContractAction(contract: Contract, action: ContractAction): void {
  if (!canDoContractAction(contract.status, action)) {
    throw invalidState(
      msg(
        'A contract that is {status, select, draft {a draft} active {active} expired {expired} terminated {terminated} other {{status}}} cannot be {action, select, edit {edited} activate {activated} terminate {terminated} upload_document {given a new signed document} other {changed}}.',
        { status: contract.status, action },
      ),
    );
  }
}

/** What every contract event says about its contract. */
export function contractFacts(contract: Contract): { contractId: string; reference: string; title: string } {
  return { contractId: contract.id, reference: contract.reference, title: contract.title };
}
