import type {
  AgencyService,
  AuditEntity,
  BriefStatus,
  Channel,
  ContractStatus,
  Decision,
  DeliverableStatus,
  FunnelStage,
  GoalStatus,
  InvoiceStatus,
  KpiMetric,
  OperatingModel,
  RateUnit,
  Role,
  SpendGroup,
} from '@agency-portal/shared';

/*
 * What the web app calls each value of the shared enums, in the build's language. Each map is typed
 * `Record<Enum, string>`, so a value added to the shared lib fails to compile here until it is named.
 * The ids are stable (`@@role.admin`) so a translator sees the same key whatever the English says.
 */

export const ROLE_LABELS: Record<Role, string> = {
  admin: $localize`:A role in the portal@@role.admin:Administrator`,
  social_lead: $localize`:A role — the brand's in-house owner of agency relationships@@role.social_lead:Social lead`,
  reviewer: $localize`:A role — brand, legal or regional reviewer of deliverables@@role.reviewer:Reviewer`,
  finance: $localize`:A role — the finance team@@role.finance:Finance`,
  viewer: $localize`:A role — read-only access to goals and reports@@role.viewer:Viewer`,
  agency_admin: $localize`:A role — an agency's lead@@role.agency_admin:Agency admin`,
  agency_member: $localize`:A role — an agency's staff@@role.agency_member:Agency member`,
};

/** "Any reviewer": who may decide an approval step given by role. */
/** Who decides an approval step that is the contract owner's: the social lead who runs its briefs. */
export const CONTRACT_OWNER_LABEL = $localize`:Who decides an approval step — the in-house owner of the contract the work is under@@approver.contractOwner:The contract's owner`;

export const ANY_OF_ROLE_LABELS: Record<Role, string> = {
  admin: $localize`:Who decides an approval step@@anyRole.admin:Any administrator`,
  social_lead: $localize`:Who decides an approval step@@anyRole.social_lead:Any social lead`,
  reviewer: $localize`:Who decides an approval step@@anyRole.reviewer:Any reviewer`,
  finance: $localize`:Who decides an approval step@@anyRole.finance:Any finance approver`,
  viewer: $localize`:Who decides an approval step@@anyRole.viewer:Any viewer`,
  agency_admin: $localize`:Who decides an approval step@@anyRole.agency_admin:Any agency admin`,
  agency_member: $localize`:Who decides an approval step@@anyRole.agency_member:Any agency member`,
};

export const OPERATING_MODEL_LABELS: Record<OperatingModel, string> = {
  centralised: $localize`:Operating model of a business unit@@operatingModel.centralised:Centralised`,
  decentralised: $localize`:Operating model of a business unit@@operatingModel.decentralised:Decentralised`,
  coe: $localize`:Operating model of a business unit@@operatingModel.coe:Centre of excellence`,
};

export const AGENCY_SERVICE_LABELS: Record<AgencyService, string> = {
  full_service: $localize`:Service an agency offers@@agencyService.full_service:Full service`,
  execution: $localize`:Service an agency offers@@agencyService.execution:Execution`,
  influencer: $localize`:Service an agency offers@@agencyService.influencer:Influencer`,
  creative: $localize`:Service an agency offers@@agencyService.creative:Creative`,
  paid_media: $localize`:Service an agency offers@@agencyService.paid_media:Paid media`,
};

export const KPI_METRIC_LABELS: Record<KpiMetric, string> = {
  impressions: $localize`:KPI of a marketing goal@@kpi.impressions:Impressions`,
  reach: $localize`:KPI of a marketing goal@@kpi.reach:Reach`,
  engagements: $localize`:KPI of a marketing goal@@kpi.engagements:Engagements`,
  clicks: $localize`:KPI of a marketing goal@@kpi.clicks:Clicks`,
  video_views: $localize`:KPI of a marketing goal@@kpi.video_views:Video views`,
  conversions: $localize`:KPI of a marketing goal@@kpi.conversions:Conversions`,
  revenue: $localize`:KPI of a marketing goal@@kpi.revenue:Revenue`,
  followers: $localize`:KPI of a marketing goal@@kpi.followers:Followers`,
};

export const FUNNEL_STAGE_LABELS: Record<FunnelStage, string> = {
  awareness: $localize`:Marketing funnel stage@@funnel.awareness:Awareness`,
  consideration: $localize`:Marketing funnel stage@@funnel.consideration:Consideration`,
  conversion: $localize`:Marketing funnel stage@@funnel.conversion:Conversion`,
  retention: $localize`:Marketing funnel stage@@funnel.retention:Retention`,
};

/** Brand names stay as the networks write them; only the generic channels are translated. */
export const CHANNEL_LABELS: Record<Channel, string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  x: 'X',
  linkedin: 'LinkedIn',
  pinterest: 'Pinterest',
  threads: 'Threads',
  kakao: $localize`:The KakaoTalk messenger as a channel@@channel.kakao:KakaoTalk`,
  line: 'LINE',
  email: $localize`:The brand's e-mail as a channel@@channel.email:Email`,
  web: $localize`:The brand's website as a channel@@channel.web:Web`,
  app: $localize`:The brand's mobile app as a channel@@channel.app:App`,
};

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  draft: $localize`:Status of a marketing goal@@goalStatus.draft:Draft`,
  active: $localize`:Status of a marketing goal@@goalStatus.active:Active`,
  achieved: $localize`:Status of a marketing goal@@goalStatus.achieved:Achieved`,
  missed: $localize`:Status of a marketing goal@@goalStatus.missed:Missed`,
  archived: $localize`:Status of a marketing goal@@goalStatus.archived:Archived`,
};

export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  draft: $localize`:Status of a contract@@contractStatus.draft:Draft`,
  active: $localize`:Status of a contract@@contractStatus.active:Active`,
  expired: $localize`:Status of a contract@@contractStatus.expired:Expired`,
  terminated: $localize`:Status of a contract@@contractStatus.terminated:Terminated`,
};

export const RATE_UNIT_LABELS: Record<RateUnit, string> = {
  deliverable: $localize`:Unit of a rate card item's price@@rateUnit.deliverable:per deliverable`,
  hour: $localize`:Unit of a rate card item's price@@rateUnit.hour:per hour`,
  month: $localize`:Unit of a rate card item's price@@rateUnit.month:per month`,
};

export const BRIEF_STATUS_LABELS: Record<BriefStatus, string> = {
  draft: $localize`:Status of a brief@@briefStatus.draft:Draft`,
  sent: $localize`:Status of a brief — sent to the agency@@briefStatus.sent:Sent`,
  accepted: $localize`:Status of a brief@@briefStatus.accepted:Accepted`,
  declined: $localize`:Status of a brief@@briefStatus.declined:Declined`,
  in_progress: $localize`:Status of a brief@@briefStatus.in_progress:In progress`,
  completed: $localize`:Status of a brief@@briefStatus.completed:Completed`,
  cancelled: $localize`:Status of a brief@@briefStatus.cancelled:Cancelled`,
};

export const DELIVERABLE_STATUS_LABELS: Record<DeliverableStatus, string> = {
  draft: $localize`:Status of a deliverable with no version yet@@deliverableStatus.draft:Awaiting first version`,
  in_review: $localize`:Status of a deliverable@@deliverableStatus.in_review:In review`,
  changes_requested: $localize`:Status of a deliverable@@deliverableStatus.changes_requested:Changes requested`,
  approved: $localize`:Status of a deliverable@@deliverableStatus.approved:Approved`,
  rejected: $localize`:Status of a deliverable@@deliverableStatus.rejected:Rejected`,
  published: $localize`:Status of a deliverable@@deliverableStatus.published:Published`,
};

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  submitted: $localize`:Status of an invoice — waiting for finance@@invoiceStatus.submitted:Submitted`,
  approved: $localize`:Status of an invoice — approved by finance, not yet paid@@invoiceStatus.approved:Approved`,
  rejected: $localize`:Status of an invoice@@invoiceStatus.rejected:Rejected`,
  paid: $localize`:Status of an invoice@@invoiceStatus.paid:Paid`,
  withdrawn: $localize`:Status of an invoice — taken back by the agency@@invoiceStatus.withdrawn:Withdrawn`,
};

export const DECISION_LABELS: Record<Decision, string> = {
  approve: $localize`:A review decision that was taken@@decision.approve:Approved`,
  request_changes: $localize`:A review decision that was taken@@decision.request_changes:Changes requested`,
  reject: $localize`:A review decision that was taken@@decision.reject:Rejected`,
};

export const AUDIT_ENTITY_LABELS: Record<AuditEntity, string> = {
  user: $localize`:Kind of record in the audit log@@auditEntity.user:User`,
  business_unit: $localize`:Kind of record in the audit log@@auditEntity.business_unit:Business unit`,
  agency: $localize`:Kind of record in the audit log@@auditEntity.agency:Agency`,
  session: $localize`:Kind of record in the audit log — a sign-in session@@auditEntity.session:Session`,
  goal: $localize`:Kind of record in the audit log@@auditEntity.goal:Goal`,
  contract: $localize`:Kind of record in the audit log@@auditEntity.contract:Contract`,
  brief: $localize`:Kind of record in the audit log@@auditEntity.brief:Brief`,
  deliverable: $localize`:Kind of record in the audit log@@auditEntity.deliverable:Deliverable`,
  approval_policy: $localize`:Kind of record in the audit log@@auditEntity.approval_policy:Approval policy`,
  comment: $localize`:Kind of record in the audit log@@auditEntity.comment:Comment`,
};

/** What the spend report groups its rows by ("Group by: Month"). */
export const SPEND_GROUP_LABELS: Record<SpendGroup, string> = {
  month: $localize`:Spend report grouped by month@@spendGroup.month:Month`,
  agency: $localize`:Spend report grouped by agency@@spendGroup.agency:Agency`,
  goal: $localize`:Spend report grouped by marketing goal@@spendGroup.goal:Goal`,
  business_unit: $localize`:Spend report grouped by business unit@@spendGroup.business_unit:Business unit`,
  contract: $localize`:Spend report grouped by contract@@spendGroup.contract:Contract`,
};
