import type { BriefDto, BriefGoalRef, DeliverableSpecDto } from '@agency-portal/shared';
import type { AuditSnapshot } from '../audit/audit.service';
import type { Brief, DeliverableSpec } from './brief.entity';

export function toBriefDto(brief: Brief, goals: BriefGoalRef[]): BriefDto {
  const contract = brief.contract;
  return {
    id: brief.id,
    contractId: brief.contractId,
    contractReference: contract?.reference ?? '',
    agencyId: contract?.agencyId ?? '',
    agencyName: contract?.agency?.name ?? '',
    currency: contract?.currency ?? '',
    goals,
    title: brief.title,
    objective: brief.objective,
    audience: brief.audience,
    keyMessages: brief.keyMessages,
    channels: brief.channels,
    funnelStage: brief.funnelStage,
    dueDate: brief.dueDate,
    budgetEstimateMinor: brief.budgetEstimateMinor,
    status: brief.status,
    declineReason: brief.declineReason,
    budgetOverride:
      brief.overrideReason && brief.overrideAt
        ? {
            reason: brief.overrideReason,
            by: {
              id: brief.overrideBy ?? '',
              name: brief.overrideUser?.name ?? '',
              email: brief.overrideUser?.email ?? '',
            },
            at: brief.overrideAt.toISOString(),
          }
        : null,
    sentAt: brief.sentAt?.toISOString() ?? null,
    answeredAt: brief.answeredAt?.toISOString() ?? null,
    createdBy: { id: brief.createdBy, name: brief.creator?.name ?? '', email: brief.creator?.email ?? '' },
    createdAt: brief.createdAt.toISOString(),
    updatedAt: brief.updatedAt.toISOString(),
  };
}

export function toSpecDto(spec: DeliverableSpec): DeliverableSpecDto {
  const item = spec.rateCardItem;
  return {
    id: spec.id,
    rateCardItemId: spec.rateCardItemId,
    rateCardCode: item?.code ?? '',
    description: item?.description ?? '',
    quantity: spec.quantity,
    dueDate: spec.dueDate,
    channel: spec.channel,
    estimateMinor: item ? Number(BigInt(item.unitPriceMinor) * BigInt(spec.quantity)) : 0,
  };
}

export function briefSnapshot(brief: Brief): AuditSnapshot {
  return {
    contractId: brief.contractId,
    title: brief.title,
    dueDate: brief.dueDate,
    budgetEstimateMinor: brief.budgetEstimateMinor,
    status: brief.status,
    declineReason: brief.declineReason,
    overrideReason: brief.overrideReason,
  };
}
