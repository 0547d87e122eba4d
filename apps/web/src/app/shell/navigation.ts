import type { SessionUser } from '@agency-portal/shared';
import { can, isAgencyRole } from '@agency-portal/shared';

export interface NavEntry {
  label: string;
  path: string;
  /** One line for the home page: what the user can do there. */
  description: string;
  /** Active only on an exact URL match (for "/"). */
  exact: boolean;
}

/** The side navigation for a user: only the areas their role may use. */
export function navigationFor(user: SessionUser): NavEntry[] {
  const role = user.role;
  const entries: NavEntry[] = [
    { label: $localize`Home`, path: '/', description: $localize`Your overview.`, exact: true },
  ];
  const agencyUser = isAgencyRole(role);
  if (can(role, 'goal:read')) {
    entries.push({
      label: $localize`Goals`,
      path: '/goals',
      description: can(role, 'goal:manage')
        ? $localize`Set marketing goals with their KPI, target and period, and see the contracts serving them.`
        : agencyUser
          ? $localize`The marketing goals your agency’s contracts serve.`
          : $localize`See the marketing goals, their targets and the contracts serving them.`,
      exact: false,
    });
  }
  if (can(role, 'contract:read')) {
    entries.push({
      label: $localize`Contracts`,
      path: '/contracts',
      description: can(role, 'contract:manage')
        ? $localize`Draft statements of work with rate cards and budgets, upload the signed PDF and activate them.`
        : agencyUser
          ? $localize`Your agency’s contracts: scope, rate card, budget and the signed document.`
          : $localize`Read statements of work, rate cards and how much of each budget is spent.`,
      exact: false,
    });
  }
  if (can(role, 'brief:read')) {
    entries.push({
      label: $localize`Briefs`,
      path: '/briefs',
      description: can(role, 'brief:manage')
        ? $localize`Brief agencies on work under their contracts, against goals and budget, and follow the deliverables.`
        : agencyUser
          ? $localize`What the brand has briefed your agency on: accept or decline, then upload versions for review.`
          : $localize`Read the briefs sent to agencies and follow their deliverables.`,
      exact: false,
    });
  }
  if (can(role, 'deliverable:read')) {
    entries.push({
      label: $localize`:Navigation entry, every deliverable the user may see@@nav.deliverables:Deliverables`,
      path: '/deliverables',
      description: agencyUser
        ? $localize`:Home page line of the deliverables list, for agency users@@nav.deliverables.agency:Everything your agency is making, across briefs: find a piece by title, status or due date.`
        : $localize`:Home page line of the deliverables list@@nav.deliverables.inHouse:Every piece of agency work across briefs, with its latest version and where its review stands.`,
      exact: false,
    });
  }
  if (can(role, 'deliverable:read')) {
    entries.push({
      label: $localize`:Navigation entry, the content calendar@@nav.calendar:Calendar`,
      path: '/calendar',
      description: agencyUser
        ? $localize`:Home page line of the content calendar, for agency users@@nav.calendar.agency:Your agency’s deliverables by due date and publish date, per channel, month by month.`
        : $localize`:Home page line of the content calendar@@nav.calendar.inHouse:What every agency delivers and publishes, by day, channel and agency.`,
      exact: false,
    });
  }
  if (can(role, 'deliverable:review')) {
    entries.push({
      label: $localize`Review queue`,
      path: '/reviews',
      description: $localize`Versions waiting for your decision: approve, request changes or reject, with pinned comments.`,
      exact: false,
    });
  }
  if (can(role, 'invoice:read')) {
    entries.push({
      label: $localize`:Navigation entry — invoices@@nav.invoices:Invoices`,
      path: '/invoices',
      description: can(role, 'invoice:submit')
        ? $localize`:Home page line of the invoices, for agency users@@nav.invoices.agency:Invoice the work the brand approved, priced from the rate card, and follow each invoice to payment.`
        : can(role, 'invoice:decide')
          ? $localize`:Home page line of the invoices, for finance@@nav.invoices.finance:Check agency invoices against budget, rate card and briefs; approve, reject and record payments.`
          : $localize`:Home page line of the invoices, for in-house readers@@nav.invoices.read:Agency invoices against their contracts and where each stands with finance.`,
      exact: false,
    });
  }
  if (can(role, 'spend:read')) {
    entries.push({
      label: $localize`:Navigation entry — the finance spend report@@nav.spend:Spend report`,
      path: '/spend',
      description: can(role, 'invoice:decide')
        ? $localize`:Home page line of the spend report, for finance@@nav.spend.finance:Spend by month, agency, goal, unit or contract against budget, per currency, down to the invoice lines; export it as CSV or Excel.`
        : $localize`:Home page line of the spend report@@nav.spend.read:What the agencies have invoiced, by month, agency, goal, unit or contract, against budget and per currency.`,
      exact: false,
    });
  }
  if (can(role, 'scorecard:read')) {
    entries.push({
      label: agencyUser
        ? $localize`:Navigation entry — the agency's own scorecard@@nav.scorecard.agency:Our scorecard`
        : $localize`:Navigation entry — agency scorecards@@nav.scorecards:Agency scorecards`,
      path: agencyUser && user.agencyId ? `/scorecards/agencies/${user.agencyId}` : '/scorecards',
      description: agencyUser
        ? $localize`:Home page line of the agency's own scorecard@@nav.scorecard.agency.description:How your agency delivered each quarter: on time, first-pass approvals, revision rounds, budget and results.`
        : $localize`:Home page line of the agency scorecards@@nav.scorecards.description:Compare agencies per quarter: on-time delivery, first-pass approval, revision rounds, our review turnaround, budget variance and results per spend.`,
      exact: false,
    });
  }
  if (can(role, 'exchange_rate:manage')) {
    entries.push({
      label: $localize`:Navigation entry — finance's exchange rates@@nav.exchangeRates:Exchange rates`,
      path: '/exchange-rates',
      description: $localize`:Home page line of the exchange rates@@nav.exchangeRates.description:Keep the monthly rates the spend report converts each currency with.`,
      exact: false,
    });
  }
  if (can(role, 'outcome:write')) {
    entries.push({
      label: $localize`:Navigation entry — metric imports@@nav.imports:Metric imports`,
      path: '/imports',
      description: $localize`:Home page line of the metric imports@@nav.imports.description:Import published work's figures from the platforms' exports or our template, checked whole before anything is stored.`,
      exact: false,
    });
  }
  if (can(role, 'business_unit:read')) {
    entries.push({
      label: $localize`Business units`,
      path: '/business-units',
      description: can(role, 'business_unit:manage')
        ? $localize`Set up business units and their operating models.`
        : $localize`See how the organisation is structured.`,
      exact: false,
    });
  }
  if (can(role, 'agency:read')) {
    if (agencyUser) {
      if (user.agencyId) {
        entries.push({
          label: $localize`My agency`,
          path: `/agencies/${user.agencyId}`,
          description: $localize`Your agency’s profile and its relationship owner.`,
          exact: false,
        });
      }
    } else {
      entries.push({
        label: $localize`Agencies`,
        path: '/agencies',
        description: can(role, 'agency:manage')
          ? $localize`Onboard, edit and offboard agencies and name their relationship owners.`
          : $localize`See the agencies the brand works with and who owns each relationship.`,
        exact: false,
      });
    }
  }
  if (can(role, 'approval_policy:read')) {
    entries.push({
      label: $localize`Approval policies`,
      path: '/approval-policies',
      description: can(role, 'approval_policy:manage')
        ? $localize`Set the approval steps per business unit and override them per contract.`
        : $localize`See which approval steps apply to each business unit and contract.`,
      exact: false,
    });
  }
  if (can(role, 'user:read')) {
    entries.push({
      label: $localize`Users`,
      path: '/users',
      description: can(role, 'user:manage')
        ? agencyUser
          ? $localize`Invite and manage the people of your agency.`
          : $localize`Invite people, change roles and deactivate accounts.`
        : $localize`See who works in the portal.`,
      exact: false,
    });
  }
  if (can(role, 'audit:read')) {
    entries.push({
      label: $localize`Audit log`,
      path: '/audit',
      description: $localize`Every change: who made it, when, and what it was before and after.`,
      exact: false,
    });
  }
  if (can(role, 'outbox:read')) {
    entries.push({
      label: $localize`Mail outbox`,
      path: '/outbox',
      description: $localize`Every e-mail the portal sent or tried to send.`,
      exact: false,
    });
  }
  return entries;
}
