import { type Json } from '../copy';
import { activeAt, type ContractPlan, type SeedContext, type UserPlan } from '../context';
import { addDays } from '../time';

function snapshot(contract: ContractPlan, status: string, documentId: string | null): Json {
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
  if (contract.activatedAt === null) return;
  activity.record(
    contract.activatedAt,
    owner,
    'contract.activated',
    'contract',
    contract.id,
    snapshot(contract, 'draft', documentId),
    snapshot(contract, 'active', documentId),
  );
  activity.notify(contract.activatedAt, agencyUsers(contract.activatedAt), {
    kind: 'contract_activated',
    title: `${contract.reference} is active`,
    body: `"${contract.title}" runs from ${contract.startDate} to ${contract.endDate}.`,
    ...link,
  });
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
    activity.record(
      contract.terminated.at,
      owner,
      'contract.terminated',
      'contract',
      contract.id,
      snapshot(contract, 'active', documentId),
      snapshot(contract, 'terminated', documentId),
    );
    activity.notify(contract.terminated.at, agencyUsers(contract.terminated.at), {
      kind: 'contract_terminated',
      title: `${contract.reference} was terminated`,
      body: `"${contract.title}" was terminated: ${contract.terminated.reason}`,
      ...link,
    });
  }
  if (contract.expiredAt !== null) {
    activity.record(
      contract.expiredAt,
      null,
      'contract.expired',
      'contract',
      contract.id,
      snapshot(contract, 'active', documentId),
      snapshot(contract, 'expired', documentId),
    );
    const notice = {
      kind: 'contract_expired' as const,
      title: `${contract.reference} has expired`,
      body: `"${contract.title}" ended on ${contract.endDate}.`,
      ...link,
    };
    activity.notify(contract.expiredAt, [owner], notice);
    activity.notify(contract.expiredAt, agencyUsers(contract.expiredAt), notice);
  }
}
