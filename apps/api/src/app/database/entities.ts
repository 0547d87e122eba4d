import { Agency } from '../agencies/agency.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Invitation, RefreshToken, Session } from '../auth/session.entity';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { User } from '../users/user.entity';
import { Contract, ContractGoal, RateCardItem } from '../contracts/contract.entity';
import { StoredFile } from '../files/stored-file.entity';
import { MarketingGoal } from '../goals/goal.entity';
import { Notification } from '../notifications/notification.entity';
import { Brief, BriefGoal, DeliverableSpec } from '../briefs/brief.entity';
import { ApprovalDecision, Deliverable, DeliverableVersion } from '../deliverables/deliverable.entity';
import { DigestSubscription } from '../digests/digest-subscription.entity';
import { OutboxMessage } from '../mail/outbox-message.entity';
import { ApprovalPolicy } from '../approval-policies/approval-policy.entity';
import { Comment } from '../reviews/comment.entity';
import { Foundation1764000000000 } from './migrations/1764000000000-foundation';
import { GoalsAndContracts1764100000000 } from './migrations/1764100000000-goals-and-contracts';
import { BriefsAndReviews1764200000000 } from './migrations/1764200000000-briefs-and-reviews';
import { EffectiveApprovalPolicies1764300000000 } from './migrations/1764300000000-effective-approval-policies';
import { ListIndexes1764400000000 } from './migrations/1764400000000-list-indexes';
import { DeliverableStatusIndex1764400000001 } from './migrations/1764400000001-deliverable-status-index';
import { RefreshGrace1765000000000 } from './migrations/1765000000000-refresh-grace';
import { OutboxEvents1765000100000 } from './migrations/1765000100000-outbox-events';
import { OutboxDelivery, OutboxEvent } from '../events/outbox-event.entity';
import { UserLanguageAndTimeZone1765100000000 } from './migrations/1765100000000-user-language-and-time-zone';
import { NoticesWordedWhenRead1765200000000 } from './migrations/1765200000000-notices-worded-when-read';
import { Outcomes1765500000000 } from './migrations/1765500000000-outcomes';
import { ApprovalStepOptions1765610000000 } from './migrations/1765610000000-approval-step-options';
import {
  GoalOutcome,
  MetricImport,
  MetricImportError,
  PerformanceMetric,
} from '../outcomes/outcome.entities';
import { Spend1765600000000 } from './migrations/1765600000000-spend';
import { InvoiceGoalTotals1765620000000 } from './migrations/1765620000000-invoice-goal-totals';
import { HomeQueues1765700000001 } from './migrations/1765700000001-home-queues';
import { CalendarIndexes1765720000001 } from './migrations/1765720000001-calendar-indexes';
import { UnitApprovalPolicies1765760000001 } from './migrations/1765760000001-unit-approval-policies';
import { AgencyQuarterFacts1765770000001 } from './migrations/1765770000001-agency-quarter-facts';
import { DeliverableMetricQuarters1765770000002 } from './migrations/1765770000002-deliverable-metric-quarters';
import { ScorecardIndexes1765730000051 } from './migrations/1765730000051-scorecard-indexes';
import { GoalMetricDays1765750000001 } from './migrations/1765750000001-goal-metric-days';
import { GoalLedgerByGoal1765750000002 } from './migrations/1765750000002-goal-ledger-by-goal';
import { RegionPins1765710000001 } from './migrations/1765710000001-region-pins';
import { FileRenditions1765710000002 } from './migrations/1765710000002-file-renditions';
import { DigestSubscriptions1765740000001 } from './migrations/1765740000001-digest-subscriptions';
import { FileRendition } from '../renditions/file-rendition.entity';
import { Invoice, InvoiceApproval, InvoiceLine } from '../invoices/invoice.entity';
import { ExchangeRate } from '../spend/exchange-rate.entity';
import { BusinessUnitLedgerRow, ContractLedgerRow, GoalLedgerRow } from '../spend/ledger.entity';

/** Listed as classes, not globs: the API is bundled by webpack. */
export const ENTITIES = [
  BusinessUnit,
  User,
  Agency,
  Session,
  RefreshToken,
  Invitation,
  AuditEvent,
  StoredFile,
  FileRendition,
  MarketingGoal,
  Contract,
  RateCardItem,
  ContractGoal,
  Notification,
  Brief,
  BriefGoal,
  DeliverableSpec,
  Deliverable,
  DeliverableVersion,
  ApprovalDecision,
  ApprovalPolicy,
  Comment,
  OutboxMessage,
  OutboxEvent,
  OutboxDelivery,
  MetricImport,
  MetricImportError,
  PerformanceMetric,
  GoalOutcome,
  Invoice,
  InvoiceLine,
  InvoiceApproval,
  ExchangeRate,
  ContractLedgerRow,
  GoalLedgerRow,
  BusinessUnitLedgerRow,
  DigestSubscription,
];
export const MIGRATIONS = [
  Foundation1764000000000,
  GoalsAndContracts1764100000000,
  BriefsAndReviews1764200000000,
  EffectiveApprovalPolicies1764300000000,
  ListIndexes1764400000000,
  DeliverableStatusIndex1764400000001,
  RefreshGrace1765000000000,
  OutboxEvents1765000100000,
  UserLanguageAndTimeZone1765100000000,
  NoticesWordedWhenRead1765200000000,
  Outcomes1765500000000,
  Spend1765600000000,
  ApprovalStepOptions1765610000000,
  InvoiceGoalTotals1765620000000,
  HomeQueues1765700000001,
  CalendarIndexes1765720000001,
  UnitApprovalPolicies1765760000001,
  AgencyQuarterFacts1765770000001,
  DeliverableMetricQuarters1765770000002,
  GoalMetricDays1765750000001,
  GoalLedgerByGoal1765750000002,
  RegionPins1765710000001,
  FileRenditions1765710000002,
  DigestSubscriptions1765740000001,
  ScorecardIndexes1765730000051,
];
