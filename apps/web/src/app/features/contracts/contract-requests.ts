import type { ContractStatus, CreateContractRequest, UpdateContractRequest } from '@agency-portal/shared';
import { isContractFieldEditable } from '@agency-portal/shared';

/**
 * What may be sent to change a contract in its status, by the shared lifecycle rules the API
 * enforces: a draft changes freely (but never its agency); an active contract only its title,
 * scope, notes, renewal notice, owner, budget cap, rate card and allocations. Sending a locked
 * field, even unchanged, is refused.
 */
export function toUpdateRequest(
  request: CreateContractRequest,
  status: ContractStatus,
): UpdateContractRequest {
  const { agencyId: _agencyId, ...changeable } = request;
  return Object.fromEntries(
    Object.entries(changeable).filter(([field]) => isContractFieldEditable(status, field)),
  );
}
