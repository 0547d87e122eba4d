import type { ContractAttention, HomeItemDto } from '@agency-portal/shared';
import type { ObjectLiteral } from 'typeorm';
import type { Agency } from '../agencies/agency.entity';
import type { Brief } from '../briefs/brief.entity';
import type { BusinessUnit } from '../business-units/business-unit.entity';
import { rawText } from '../common/lists/paginate';
import type { Contract } from '../contracts/contract.entity';
import { thumbnailOf } from '../deliverables/deliverable-queries';
import type { Deliverable } from '../deliverables/deliverable.entity';
import type { User } from '../users/user.entity';
import { BUDGET_WATCH_PERCENT, RAW, type QueueDefinition } from './home-queues';

const EMPTY: Omit<HomeItemDto, 'kind' | 'id' | 'title'> = {
  dueAt: null,
  dueIsDate: false,
  overdue: false,
  agencyName: null,
  briefId: null,
  briefTitle: null,
  stepName: null,
  versionNumber: null,
  thumbnail: null,
  attention: [],
  budgetUsedPercent: null,
  sentAt: null,
  detail: null,
};

function textOrNull(raw: Record<string, unknown> | undefined, name: string): string | null {
  return rawText(raw, name) || null;
}

function numberOrNull(raw: Record<string, unknown> | undefined, name: string): number | null {
  const value = raw?.[name];
  if (value === null || value === undefined || value === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

function isoMoment(value: string | null): string | null {
  return value ? new Date(value).toISOString() : null;
}

/** A queue row as the home shows it: what to open, when it falls due, and what it is about. */
export function toHomeItem(
  definition: QueueDefinition,
  row: ObjectLiteral,
  raw: Record<string, unknown> | undefined,
): HomeItemDto {
  const base = {
    ...EMPTY,
    overdue: raw?.[RAW.overdue] === true,
    agencyName: textOrNull(raw, RAW.agencyName),
  };
  const due = textOrNull(raw, RAW.dueAt);
  switch (definition.kind) {
    case 'deliverable': {
      const deliverable = row as Deliverable;
      const inReview = deliverable.status === 'in_review';
      const step = inReview ? deliverable.reviewPolicy?.steps[deliverable.currentStep ?? -1] : undefined;
      return {
        ...base,
        kind: 'deliverable',
        id: deliverable.id,
        title: deliverable.title,
        dueAt: inReview ? isoMoment(due) : deliverable.dueDate,
        dueIsDate: !inReview,
        briefId: textOrNull(raw, RAW.briefId),
        briefTitle: textOrNull(raw, RAW.briefTitle),
        stepName: step?.name ?? null,
        versionNumber: numberOrNull(raw, RAW.versionNumber),
        thumbnail: thumbnailOf(raw),
      };
    }
    case 'brief': {
      const brief = row as Brief;
      return {
        ...base,
        kind: 'brief',
        id: brief.id,
        title: brief.title,
        dueAt: brief.dueDate,
        dueIsDate: true,
        sentAt: brief.sentAt?.toISOString() ?? null,
      };
    }
    case 'contract': {
      const contract = row as Contract;
      const budgetUsedPercent = numberOrNull(raw, RAW.used);
      const attention: ContractAttention[] = [];
      if (raw?.[RAW.renewal] === true) attention.push('renewal');
      if (budgetUsedPercent !== null && budgetUsedPercent >= BUDGET_WATCH_PERCENT) attention.push('budget');
      return {
        ...base,
        kind: 'contract',
        id: contract.id,
        title: `${contract.reference} · ${contract.title}`,
        dueAt: contract.endDate,
        dueIsDate: true,
        attention,
        budgetUsedPercent,
      };
    }
    case 'agency': {
      const agency = row as Agency;
      return {
        ...base,
        kind: 'agency',
        id: agency.id,
        title: agency.name,
        detail: textOrNull(raw, RAW.detail),
      };
    }
    case 'business_unit': {
      const unit = row as BusinessUnit;
      return { ...base, kind: 'business_unit', id: unit.id, title: unit.name };
    }
    case 'user': {
      const user = row as User;
      return {
        ...base,
        kind: 'user',
        id: user.id,
        title: user.name,
        sentAt: user.createdAt.toISOString(),
        detail: user.email,
      };
    }
  }
}
