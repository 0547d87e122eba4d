import type { Decision, DeliverableStatus } from '@agency-portal/shared';
import type { EntityManager } from 'typeorm';

/** What every invoice event says about its invoice. */
export interface InvoiceFacts {
  invoiceId: string;
  number: string;
  contractReference: string;
  agencyName: string;
  currency: string;
  grossMinor: number;
}

/**
 * What happened, by event type: the facts a subscriber needs to act on it (notices, mail, and
 * signed webhooks next), never wording. Payloads are stored as JSON in the outbox: plain values.
 */
export interface DomainEventPayloads {
  'brief.sent': {
    briefId: string;
    briefTitle: string;
    contractReference: string;
    dueDate: string;
    senderName: string;
    /** Added later: events stored before lack them. */
    budgetEstimateMinor?: number;
    currency?: string;
  };
  'brief.accepted': { briefId: string; briefTitle: string; agencyUserName: string };
  'brief.declined': { briefId: string; briefTitle: string; agencyUserName: string; reason: string };
  'deliverable.version_submitted': {
    deliverableId: string;
    deliverableTitle: string;
    versionNumber: number;
    submitterName: string;
    firstStepName: string;
    firstStepSlaHours: number;
  };
  /** A step approved and the review moved on to the next: for those who may decide it. */
  'deliverable.step_ready': {
    deliverableId: string;
    deliverableTitle: string;
    versionNumber: number;
    previousStepName: string;
    deciderName: string;
    stepName: string;
    slaHours: number;
  };
  'deliverable.decided': {
    deliverableId: string;
    deliverableTitle: string;
    decision: Decision;
    stepName: string;
    deciderName: string;
    comment: string | null;
    /** The deliverable's status after the decision. */
    outcome: DeliverableStatus;
  };
  'deliverable.review_overdue': {
    deliverableId: string;
    deliverableTitle: string;
    stepName: string;
    slaHours: number;
    /** When the decision was due (added later: events stored before lack it). */
    dueAt?: string;
  };
  'contract.terms_changed': {
    contractId: string;
    reference: string;
    title: string;
    budgetChanged: boolean;
    rateCardChanged: boolean;
    /** The cap after the change (added later: events stored before lack them). */
    budgetCapMinor?: number;
    currency?: string;
  };
  'contract.activated': {
    contractId: string;
    reference: string;
    title: string;
    startDate: string;
    endDate: string;
  };
  'contract.terminated': { contractId: string; reference: string; title: string; reason: string };
  'contract.expired': { contractId: string; reference: string; title: string; endDate: string };
  'contract.renewal_due': {
    contractId: string;
    reference: string;
    title: string;
    endDate: string;
    renewalNoticeDays: number;
  };
  'user.invited': { userId: string; inviterName: string; setPasswordUrl: string; expiresAt: string };
  'invoice.submitted': InvoiceFacts & { submitterName: string; dueDate: string; approvalsRequired: number };
  /** A first approval of an invoice that needs two: the other finance people are asked for the second. */
  'invoice.approval_recorded': InvoiceFacts & {
    approverName: string;
    approvalCount: number;
    approvalsRequired: number;
  };
  'invoice.decided': InvoiceFacts & {
    decision: 'approved' | 'rejected' | 'paid';
    deciderName: string;
    reason: string | null;
    paymentDate: string | null;
    paymentReference: string | null;
  };
  'invoice.withdrawn': InvoiceFacts & { withdrawnByName: string };
  /** A contract's invoiced amount reached a threshold of its cap (once per crossing). */
  'budget.threshold_crossed': {
    contractId: string;
    reference: string;
    title: string;
    thresholdPercent: number;
    invoicedMinor: number;
    capMinor: number;
    currency: string;
  };
}

export type DomainEventType = keyof DomainEventPayloads;

/** Who the event concerns: named users, and every active user of the named agencies. */
export interface Audience {
  userIds?: readonly string[];
  agencyIds?: readonly string[];
}

export interface DomainEvent<K extends DomainEventType = DomainEventType> {
  type: K;
  payload: DomainEventPayloads[K];
  audience?: Audience;
}

/** An event as the outbox kept it. */
export type StoredEvent<K extends DomainEventType = DomainEventType> = {
  [T in K]: DomainEvent<T> & { id: string; occurredAt: Date; actorId: string | null };
}[K];

/**
 * Acts on events after the change that raised them has committed, each event once per
 * subscriber (retried with backoff until it succeeds). `handle` runs in a transaction that also
 * records the delivery, so whatever it writes with `manager` happens exactly once; an effect
 * outside the database must be queued from there (as mail is) or be idempotent.
 * A subscriber is one class that calls DomainEvents.subscribe(this) when its module starts.
 */
export interface EventSubscriber {
  /** Stable and unique: it names the subscriber's queue and its delivery records. */
  readonly name: string;
  handles(type: DomainEventType): boolean;
  handle(event: StoredEvent, manager: EntityManager): Promise<void>;
}
