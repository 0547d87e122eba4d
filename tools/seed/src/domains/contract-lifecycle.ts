import type { ContractStatus } from '@agency-portal/shared';
import type { Notice } from '../activity';
import type { Json } from '../copy';
import { activeAt, type ContractPlan, type SeedContext, type UserPlan } from '../context';
import { addDays } from '../time';

/** ContractsService's audit snapshot of the contract in `status`. */
function snapshot(contract: ContractPlan, status: ContractStatus, documentId: string | null): Json {
  return {
    agencyId: contract.agency.id,
    businessUnitId: contract.unit.id,
    ownerId: contract.owner.id,
    reference: contract.reference,
    title: contract.title,
    startDate: contract.startDate,
    endDate: contract.endDate,
    currency: contract.currency,
    budgetCapMinor: contract.capMinor,
    renewalNoticeDays: contract.noticeDays,
    status,
    terminationReason: status === 'terminated' ? (contract.terminated?.reason ?? null) : null,
    signedDocumentId: documentId,
  };
}

/** The audit trail and notices of a contract's life, as ContractsService and the daily job write them. */
export function recordLifecycle(ctx: SeedContext, contract: ContractPlan, documentAt: number | null): void {
  const { activity } = ctx;
  const owner = contract.owner;
  const document = contract.signedDocument;
  const link = { link: `/contracts/${contract.id}`, entity: 'contract', entityId: contract.id };
  const agencyUsers = (at: number): UserPlan[] => contract.agency.users.filter((user) => activeAt(user, at));
  activity.record(contract.createdAt, owner, 'contract.created', 'contract', contract.id, null, {
    ...(snapshot(contract, 'draft', null) as Record<string, Json>),
    rateCard: contract.rateCard.map((item) => ({
      code: item.code,
      description: item.description,
      unit: item.unit,
      unitPriceMinor: item.priceMinor,
    })),
    allocations: contract.allocations.map((allocation) => ({
      goalId: allocation.goal.id,
      percent: allocation.percent,
    })),
  });
  if (document && documentAt !== null) {
    activity.record(
      documentAt,
      owner,
      'contract.document_uploaded',
      'contract',
      contract.id,
      snapshot(contract, 'draft', null),
      {
        ...(snapshot(contract, 'draft', document.id) as Record<string, Json>),
        fileName: document.name,
        sha256: document.sample.sha256,
        sizeBytes: document.sample.bytes,
      },
    );
  }
  const documentId = document?.id ?? null;
  /** A status change: its audit record (before and after) and the notice it sends. */
  const transition = (
    at: number,
    actor: UserPlan | null,
    from: ContractStatus,
    to: ContractStatus,
    notice: Omit<Notice, 'link' | 'entity' | 'entityId'>,
    recipients: UserPlan[],
  ) => {
    const action = to === 'active' ? 'activated' : to;
    activity.record(
      at,
      actor,
      `contract.${action}`,
      'contract',
      contract.id,
      snapshot(contract, from, documentId),
      snapshot(contract, to, documentId),
    );
    activity.notify(at, recipients, { ...notice, ...link });
  };
  if (contract.activatedAt === null) return;
  const activatedAt = contract.activatedAt;
  transition(
    activatedAt,
    owner,
    'draft',
    'active',
    {
      kind: 'contract_activated',
      title: `${contract.reference} is active`,
      body: `"${contract.title}" runs from ${contract.startDate} to ${contract.endDate}.`,
    },
    agencyUsers(activatedAt),
  );
  if (contract.renewalNotifiedAt !== null) {
    activity.record(
      contract.renewalNotifiedAt,
      null,
      'contract.renewal_notice_raised',
      'contract',
      contract.id,
      null,
      {
        endDate: contract.endDate,
        noticeFrom: addDays(contract.endDate, -contract.noticeDays),
      },
    );
    activity.notify(contract.renewalNotifiedAt, [owner], {
      kind: 'contract_renewal_due',
      title: `${contract.reference} ends on ${contract.endDate}`,
      body: `"${contract.title}" with its agency reaches its ${contract.noticeDays}-day renewal notice window. Decide whether to renew.`,
      ...link,
    });
  }
  if (contract.terminated) {
    const { at, reason } = contract.terminated;
    transition(
      at,
      owner,
      'active',
      'terminated',
      {
        kind: 'contract_terminated',
        title: `${contract.reference} was terminated`,
        body: `"${contract.title}" was terminated: ${reason}`,
      },
      agencyUsers(at),
    );
  }
  if (contract.expiredAt !== null) {
    // The daily job tells the owner and the agency.
    transition(
      contract.expiredAt,
      null,
      'active',
      'expired',
      {
        kind: 'contract_expired',
        title: `${contract.reference} has expired`,
        body: `"${contract.title}" ended on ${contract.endDate}.`,
      },
      [owner, ...agencyUsers(contract.expiredAt)],
    );
  }
}
