import type { Locale, NotificationKind } from '@agency-portal/shared';
import { formatMoney } from '@agency-portal/shared';
import type { DomainEventPayloads, DomainEventType } from '../events/domain-events';

/** Who a notice is written for: its wording can follow their language. */
export interface Recipient {
  name: string;
  email: string;
  locale: Locale;
}

export interface RenderedNotice {
  title: string;
  body: string;
  /** In-app path to open, e.g. /briefs/<id>. */
  link: string;
  /** The whole e-mail text when it says more than the notice; otherwise the body and the link. */
  emailText?: string;
}

export type Channel = 'app' | 'email';

export interface NoticeTemplate<K extends DomainEventType> {
  /** The in-app notice's kind; null for an e-mail-only message. */
  kind: NotificationKind | null;
  channels: readonly Channel[];
  render(payload: DomainEventPayloads[K], recipient: Recipient): RenderedNotice;
}

const decisionVerdict = (payload: DomainEventPayloads['deliverable.decided']): string => {
  switch (payload.outcome) {
    case 'approved':
      return 'approved';
    case 'in_review':
      return `passed "${payload.stepName}"`;
    case 'rejected':
      return 'rejected';
    default:
      return 'sent back with change requests';
  }
};

/**
 * The wording of every notice and e-mail, one entry per event, built for each recipient (English
 * for now; the recipient's locale is passed so translations plug in here). Events without an
 * entry raise no notice.
 */
export const NOTICES: { [K in DomainEventType]?: NoticeTemplate<K> } = {
  'brief.sent': {
    kind: 'brief_sent',
    channels: ['app', 'email'],
    render: (p) => ({
      title: `New brief: ${p.briefTitle}`,
      body: `${p.senderName} sent a brief under ${p.contractReference}, due ${p.dueDate}.`,
      link: `/briefs/${p.briefId}`,
    }),
  },
  'brief.accepted': {
    kind: 'brief_answered',
    channels: ['app', 'email'],
    render: (p) => ({
      title: `Brief accepted: ${p.briefTitle}`,
      body: `${p.agencyUserName} accepted the brief; its deliverables are open for versions.`,
      link: `/briefs/${p.briefId}`,
    }),
  },
  'brief.declined': {
    kind: 'brief_answered',
    channels: ['app', 'email'],
    render: (p) => ({
      title: `Brief declined: ${p.briefTitle}`,
      body: `${p.agencyUserName} declined the brief: ${p.reason}`,
      link: `/briefs/${p.briefId}`,
    }),
  },
  'deliverable.version_submitted': {
    kind: 'version_submitted',
    channels: ['app', 'email'],
    render: (p) => ({
      title: `Version ${p.versionNumber} of "${p.deliverableTitle}" is ready for review`,
      body: `${p.submitterName} submitted version ${p.versionNumber}. First step: ${p.firstStepName} (SLA ${p.firstStepSlaHours} h).`,
      link: `/deliverables/${p.deliverableId}`,
    }),
  },
  'deliverable.decided': {
    kind: 'decision_made',
    channels: ['app', 'email'],
    render: (p) => ({
      title: `"${p.deliverableTitle}" ${decisionVerdict(p)}`,
      body: `${p.deciderName}: ${p.decision.replace('_', ' ')} at "${p.stepName}".${p.comment ? ` ${p.comment}` : ''}`,
      link: `/deliverables/${p.deliverableId}`,
    }),
  },
  'deliverable.review_overdue': {
    kind: 'review_overdue',
    channels: ['app', 'email'],
    render: (p) => ({
      title: `Review overdue: "${p.deliverableTitle}"`,
      body: `"${p.stepName}" has waited more than ${p.slaHours} h for a decision.`,
      link: `/deliverables/${p.deliverableId}`,
    }),
  },
  'contract.terms_changed': {
    kind: 'contract_changed',
    channels: ['app'],
    render: (p) => {
      const what = [p.budgetChanged ? 'budget' : null, p.rateCardChanged ? 'rate card' : null]
        .filter(Boolean)
        .join(' and ');
      return {
        title: `${p.reference}: ${what} changed`,
        body: `The ${what} of "${p.title}" changed. Open the contract to see the new terms.`,
        link: `/contracts/${p.contractId}`,
      };
    },
  },
  'contract.activated': {
    kind: 'contract_activated',
    channels: ['app'],
    render: (p) => ({
      title: `${p.reference} is active`,
      body: `"${p.title}" runs from ${p.startDate} to ${p.endDate}.`,
      link: `/contracts/${p.contractId}`,
    }),
  },
  'contract.terminated': {
    kind: 'contract_terminated',
    channels: ['app'],
    render: (p) => ({
      title: `${p.reference} was terminated`,
      body: `"${p.title}" was terminated: ${p.reason}`,
      link: `/contracts/${p.contractId}`,
    }),
  },
  'contract.expired': {
    kind: 'contract_expired',
    channels: ['app'],
    render: (p) => ({
      title: `${p.reference} has expired`,
      body: `"${p.title}" ended on ${p.endDate}.`,
      link: `/contracts/${p.contractId}`,
    }),
  },
  'contract.renewal_due': {
    kind: 'contract_renewal_due',
    channels: ['app'],
    render: (p) => ({
      title: `${p.reference} ends on ${p.endDate}`,
      body: `"${p.title}" with its agency reaches its ${p.renewalNoticeDays}-day renewal notice window. Decide whether to renew.`,
      link: `/contracts/${p.contractId}`,
    }),
  },
  'invoice.submitted': {
    kind: 'invoice_submitted',
    channels: ['app', 'email'],
    render: (p, recipient) => ({
      title: `Invoice ${p.number} from ${p.agencyName} to decide`,
      body: `${p.submitterName} submitted ${formatMoney(p.grossMinor, p.currency, recipient.locale)} under ${p.contractReference}, due ${p.dueDate}.${p.approvalsRequired > 1 ? ' It needs two finance approvers.' : ''}`,
      link: `/invoices/${p.invoiceId}`,
    }),
  },
  'invoice.approval_recorded': {
    kind: 'invoice_submitted',
    channels: ['app', 'email'],
    render: (p, recipient) => ({
      title: `Invoice ${p.number} needs a second approval`,
      body: `${p.approverName} approved ${formatMoney(p.grossMinor, p.currency, recipient.locale)} from ${p.agencyName}; another finance approver must approve it too.`,
      link: `/invoices/${p.invoiceId}`,
    }),
  },
  'invoice.decided': {
    kind: 'invoice_decided',
    channels: ['app', 'email'],
    render: (p, recipient) => {
      const amount = formatMoney(p.grossMinor, p.currency, recipient.locale);
      switch (p.decision) {
        case 'approved':
          return {
            title: `Invoice ${p.number} approved`,
            body: `${p.deciderName} approved ${amount} under ${p.contractReference}.`,
            link: `/invoices/${p.invoiceId}`,
          };
        case 'rejected':
          return {
            title: `Invoice ${p.number} rejected`,
            body: `${p.deciderName} rejected it: ${p.reason ?? ''}`,
            link: `/invoices/${p.invoiceId}`,
          };
        case 'paid':
          return {
            title: `Invoice ${p.number} paid`,
            body: `${amount} was paid on ${p.paymentDate ?? ''} (reference ${p.paymentReference ?? ''}).`,
            link: `/invoices/${p.invoiceId}`,
          };
      }
    },
  },
  'invoice.withdrawn': {
    kind: 'invoice_decided',
    channels: ['app'],
    render: (p) => ({
      title: `Invoice ${p.number} withdrawn`,
      body: `${p.withdrawnByName} of ${p.agencyName} withdrew it; nothing is left to decide.`,
      link: `/invoices/${p.invoiceId}`,
    }),
  },
  'budget.threshold_crossed': {
    kind: 'budget_threshold',
    channels: ['app', 'email'],
    render: (p, recipient) => ({
      title: `${p.reference} has used ${p.thresholdPercent} % of its budget`,
      body: `Invoices of "${p.title}" reach ${formatMoney(p.invoicedMinor, p.currency, recipient.locale)} of ${formatMoney(p.capMinor, p.currency, recipient.locale)}.`,
      link: `/contracts/${p.contractId}`,
    }),
  },
  'user.invited': {
    kind: null,
    channels: ['email'],
    render: (p, recipient) => ({
      title: 'You are invited to Agency Portal',
      body: `${p.inviterName} invited you to Agency Portal.`,
      link: '/set-password',
      emailText: [
        `Hello ${recipient.name},`,
        '',
        `${p.inviterName} invited you to Agency Portal.`,
        `Set your password here (the link works once, until ${new Date(p.expiresAt).toUTCString()}):`,
        p.setPasswordUrl,
      ].join('\n'),
    }),
  },
};
