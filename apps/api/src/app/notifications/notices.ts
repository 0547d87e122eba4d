import type { NotificationKind } from '@agency-portal/shared';
import type { DomainEventPayloads, DomainEventType } from '../events/domain-events';
import { msg, type Message } from '../i18n/message';
import type { NoticeFormat } from './notice-format';

/**
 * A notice before it is put into its reader's language: every text a `msg()` (its English source
 * is the catalog key, so `catalog.spec.ts` finds it and fails on a missing translation), values
 * already formatted for the reader by `NoticeFormat`. User-entered names (brief titles, step names)
 * go in as they were entered.
 */
export interface NoticeText {
  title: Message;
  /** Whole sentences, joined with a space. */
  body: readonly Message[];
  /** In-app path to open, e.g. /briefs/<id>. */
  link: string;
  /**
   * The e-mail's own paragraphs and link when it says more than the notice (the invitation);
   * otherwise the e-mail is the body and a link to `link`.
   */
  email?: { paragraphs: readonly Message[]; url: string };
}

export type Channel = 'app' | 'email';

export interface NoticeTemplate<K extends DomainEventType> {
  /** The in-app notice's kind; null for an e-mail-only message. */
  kind: NotificationKind | null;
  channels: readonly Channel[];
  /**
   * Rendered at delivery (e-mail) and again whenever an in-app notice is read, from the event as
   * the outbox stored it: fields added to a payload later are optional here, so old events render.
   */
  compose(payload: DomainEventPayloads[K], format: NoticeFormat): NoticeText;
}

/**
 * The wording of every notice and e-mail, one entry per event. Events without an entry raise no
 * notice. Add a text: write the English with `msg()`, then run `npx nx test api -- catalog` and
 * translate what it lists.
 */
export const NOTICES: { [K in DomainEventType]?: NoticeTemplate<K> } = {
  'brief.sent': {
    kind: 'brief_sent',
    channels: ['app', 'email'],
    compose: (p, f) => ({
      title: msg('New brief: {briefTitle}', { briefTitle: p.briefTitle }),
      body: [
        msg('{senderName} sent a brief under {contractReference}, due {dueDate}.', {
          senderName: p.senderName,
          contractReference: p.contractReference,
          dueDate: f.date(p.dueDate),
        }),
        ...(p.budgetEstimateMinor !== undefined && p.currency
          ? [msg('Estimated budget: {amount}.', { amount: f.money(p.budgetEstimateMinor, p.currency) })]
          : []),
      ],
      link: `/briefs/${p.briefId}`,
    }),
  },
  'brief.accepted': {
    kind: 'brief_answered',
    channels: ['app', 'email'],
    compose: (p) => ({
      title: msg('Brief accepted: {briefTitle}', { briefTitle: p.briefTitle }),
      body: [
        msg('{agencyUserName} accepted the brief; its deliverables are open for versions.', {
          agencyUserName: p.agencyUserName,
        }),
      ],
      link: `/briefs/${p.briefId}`,
    }),
  },
  'brief.declined': {
    kind: 'brief_answered',
    channels: ['app', 'email'],
    compose: (p) => ({
      title: msg('Brief declined: {briefTitle}', { briefTitle: p.briefTitle }),
      body: [
        msg('{agencyUserName} declined the brief. Reason: {reason}', {
          agencyUserName: p.agencyUserName,
          reason: p.reason,
        }),
      ],
      link: `/briefs/${p.briefId}`,
    }),
  },
  'deliverable.version_submitted': {
    kind: 'version_submitted',
    channels: ['app', 'email'],
    compose: (p) => ({
      title: msg('Version {versionNumber} of "{deliverableTitle}" is ready for review', {
        versionNumber: p.versionNumber,
        deliverableTitle: p.deliverableTitle,
      }),
      body: [
        msg(
          '{submitterName} submitted version {versionNumber}. First step: "{stepName}", to be decided within {hours, plural, one {# hour} other {# hours}}.',
          {
            submitterName: p.submitterName,
            versionNumber: p.versionNumber,
            stepName: p.firstStepName,
            hours: p.firstStepSlaHours,
          },
        ),
      ],
      link: `/deliverables/${p.deliverableId}`,
    }),
  },
  'deliverable.step_ready': {
    kind: 'review_step_ready',
    channels: ['app', 'email'],
    compose: (p) => ({
      title: msg('Version {versionNumber} of "{deliverableTitle}" is ready for review at "{stepName}"', {
        versionNumber: p.versionNumber,
        deliverableTitle: p.deliverableTitle,
        stepName: p.stepName,
      }),
      body: [
        msg(
          '{deciderName} approved it at "{previousStepName}". "{stepName}" is to be decided within {hours, plural, one {# hour} other {# hours}}.',
          {
            deciderName: p.deciderName,
            previousStepName: p.previousStepName,
            stepName: p.stepName,
            hours: p.slaHours,
          },
        ),
      ],
      link: `/deliverables/${p.deliverableId}`,
    }),
  },
  'deliverable.decided': {
    kind: 'decision_made',
    channels: ['app', 'email'],
    compose: (p) => ({
      title: msg(
        '"{deliverableTitle}" {outcome, select, approved {was approved} in_review {passed "{stepName}"} rejected {was rejected} other {was sent back with change requests}}',
        { deliverableTitle: p.deliverableTitle, outcome: p.outcome, stepName: p.stepName },
      ),
      body: [
        msg(
          '{deciderName} {decision, select, approve {approved it} reject {rejected it} other {requested changes}} at "{stepName}".',
          { deciderName: p.deciderName, decision: p.decision, stepName: p.stepName },
        ),
        ...(p.comment ? [msg('Comment: {comment}', { comment: p.comment })] : []),
      ],
      link: `/deliverables/${p.deliverableId}`,
    }),
  },
  'deliverable.review_overdue': {
    kind: 'review_overdue',
    channels: ['app', 'email'],
    compose: (p, f) => ({
      title: msg('Review overdue: "{deliverableTitle}"', { deliverableTitle: p.deliverableTitle }),
      body: [
        p.dueAt
          ? msg(
              'The decision at "{stepName}" was due {dueAt} ({hours, plural, one {# hour} other {# hours}} after submission) and is still waiting.',
              { stepName: p.stepName, dueAt: f.dateTime(p.dueAt), hours: p.slaHours },
            )
          : msg(
              '"{stepName}" has waited more than {hours, plural, one {# hour} other {# hours}} for a decision.',
              { stepName: p.stepName, hours: p.slaHours },
            ),
      ],
      link: `/deliverables/${p.deliverableId}`,
    }),
  },
  'contract.terms_changed': {
    kind: 'contract_changed',
    channels: ['app'],
    compose: (p, f) => {
      const what = p.budgetChanged && p.rateCardChanged ? 'both' : p.budgetChanged ? 'budget' : 'rate_card';
      return {
        title: msg(
          '{reference}: {what, select, budget {budget changed} rate_card {rate card changed} other {budget and rate card changed}}',
          { reference: p.reference, what },
        ),
        body: [
          msg(
            'The {what, select, budget {budget} rate_card {rate card} other {budget and rate card}} of "{title}" changed. Open the contract to see the new terms.',
            { what, title: p.title },
          ),
          ...(p.budgetChanged && p.budgetCapMinor !== undefined && p.currency
            ? [msg('The budget cap is now {amount}.', { amount: f.money(p.budgetCapMinor, p.currency) })]
            : []),
        ],
        link: `/contracts/${p.contractId}`,
      };
    },
  },
  'contract.activated': {
    kind: 'contract_activated',
    channels: ['app'],
    compose: (p, f) => ({
      title: msg('{reference} is active', { reference: p.reference }),
      body: [
        msg('"{title}" runs from {startDate} to {endDate}.', {
          title: p.title,
          startDate: f.date(p.startDate),
          endDate: f.date(p.endDate),
        }),
      ],
      link: `/contracts/${p.contractId}`,
    }),
  },
  'contract.terminated': {
    kind: 'contract_terminated',
    channels: ['app'],
    compose: (p) => ({
      title: msg('{reference} was terminated', { reference: p.reference }),
      body: [msg('"{title}" was terminated. Reason: {reason}', { title: p.title, reason: p.reason })],
      link: `/contracts/${p.contractId}`,
    }),
  },
  'contract.expired': {
    kind: 'contract_expired',
    channels: ['app'],
    compose: (p, f) => ({
      title: msg('{reference} has expired', { reference: p.reference }),
      body: [msg('"{title}" ended on {endDate}.', { title: p.title, endDate: f.date(p.endDate) })],
      link: `/contracts/${p.contractId}`,
    }),
  },
  'contract.renewal_due': {
    kind: 'contract_renewal_due',
    channels: ['app'],
    compose: (p, f) => ({
      title: msg('{reference} ends on {endDate}', { reference: p.reference, endDate: f.date(p.endDate) }),
      body: [
        msg(
          '"{title}" is within {days, plural, one {# day} other {# days}} of its end, its renewal notice period. Decide whether to renew it.',
          { title: p.title, days: p.renewalNoticeDays },
        ),
      ],
      link: `/contracts/${p.contractId}`,
    }),
  },
  'invoice.submitted': {
    kind: 'invoice_submitted',
    channels: ['app', 'email'],
    compose: (p, f) => ({
      title: msg('Invoice {number} from {agencyName} to decide', {
        number: p.number,
        agencyName: p.agencyName,
      }),
      body: [
        msg('{submitterName} submitted {amount} under {contractReference}, due {dueDate}.', {
          submitterName: p.submitterName,
          amount: f.money(p.grossMinor, p.currency),
          contractReference: p.contractReference,
          dueDate: f.date(p.dueDate),
        }),
        ...(p.approvalsRequired > 1 ? [msg('It needs two finance approvers.')] : []),
      ],
      link: `/invoices/${p.invoiceId}`,
    }),
  },
  'invoice.approval_recorded': {
    kind: 'invoice_submitted',
    channels: ['app', 'email'],
    compose: (p, f) => ({
      title: msg('Invoice {number} needs a second approval', { number: p.number }),
      body: [
        msg(
          '{approverName} approved {amount} from {agencyName}; another finance approver must approve it too.',
          {
            approverName: p.approverName,
            amount: f.money(p.grossMinor, p.currency),
            agencyName: p.agencyName,
          },
        ),
      ],
      link: `/invoices/${p.invoiceId}`,
    }),
  },
  'invoice.decided': {
    kind: 'invoice_decided',
    channels: ['app', 'email'],
    compose: (p, f) => {
      const amount = f.money(p.grossMinor, p.currency);
      const link = `/invoices/${p.invoiceId}`;
      switch (p.decision) {
        case 'approved':
          return {
            title: msg('Invoice {number} approved', { number: p.number }),
            body: [
              msg('{deciderName} approved {amount} under {contractReference}.', {
                deciderName: p.deciderName,
                amount,
                contractReference: p.contractReference,
              }),
            ],
            link,
          };
        case 'rejected':
          return {
            title: msg('Invoice {number} rejected', { number: p.number }),
            body: [
              msg('{deciderName} rejected it: {reason}', {
                deciderName: p.deciderName,
                reason: p.reason ?? '',
              }),
            ],
            link,
          };
        case 'paid':
          return {
            title: msg('Invoice {number} paid', { number: p.number }),
            body: [
              msg('{amount} was paid on {paymentDate} (reference {paymentReference}).', {
                amount,
                paymentDate: p.paymentDate ? f.date(p.paymentDate) : '',
                paymentReference: p.paymentReference ?? '',
              }),
            ],
            link,
          };
      }
    },
  },
  'invoice.withdrawn': {
    kind: 'invoice_decided',
    channels: ['app'],
    compose: (p) => ({
      title: msg('Invoice {number} withdrawn', { number: p.number }),
      body: [
        msg('{withdrawnByName} of {agencyName} withdrew it; nothing is left to decide.', {
          withdrawnByName: p.withdrawnByName,
          agencyName: p.agencyName,
        }),
      ],
      link: `/invoices/${p.invoiceId}`,
    }),
  },
  'budget.threshold_crossed': {
    kind: 'budget_threshold',
    channels: ['app', 'email'],
    compose: (p, f) => ({
      title: msg('{reference} has used {thresholdPercent} % of its budget', {
        reference: p.reference,
        thresholdPercent: p.thresholdPercent,
      }),
      body: [
        msg('Invoices of "{title}" reach {invoiced} of {cap}.', {
          title: p.title,
          invoiced: f.money(p.invoicedMinor, p.currency),
          cap: f.money(p.capMinor, p.currency),
        }),
      ],
      link: `/contracts/${p.contractId}`,
    }),
  },
  'user.invited': {
    kind: null,
    channels: ['email'],
    compose: (p, f) => {
      const invited = msg('{inviterName} invited you to Agency Portal.', { inviterName: p.inviterName });
      return {
        title: msg('You are invited to Agency Portal'),
        body: [invited],
        link: '/set-password',
        email: {
          paragraphs: [
            invited,
            msg('Set your password with this link. It works once, until {expiresAt}:', {
              expiresAt: f.dateTime(p.expiresAt),
            }),
          ],
          url: p.setPasswordUrl,
        },
      };
    },
  },
};
