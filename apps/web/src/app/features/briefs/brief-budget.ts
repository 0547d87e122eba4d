import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { BriefDto, BudgetSummaryDto } from '@agency-portal/shared';
import { awaitsAcceptance, commitsBudget, fitsBudget } from '@agency-portal/shared';
import { MoneyPipe } from '../../shared/money/money.pipe';

/** Whether accepting the brief would take its contract past the budget cap. */
export function exceedsBudgetCap(brief: BriefDto, budget: BudgetSummaryDto | null | undefined): boolean {
  return (
    !!budget &&
    awaitsAcceptance(brief.status) &&
    !fitsBudget(budget.capMinor, budget.committedMinor, brief.budgetEstimateMinor)
  );
}

/**
 * The brief's estimate against its contract: the cap, what is committed already and what accepting
 * would leave; a warning when that goes past the cap, and the recorded override with its reason.
 */
@Component({
  selector: 'ap-brief-budget',
  imports: [LocalDatePipe, MoneyPipe],
  template: `
    <dl class="ap-details">
      <dt i18n>Estimate</dt>
      <dd data-testid="brief-estimate">
        {{ brief().budgetEstimateMinor | money: brief().currency }}
      </dd>
      @if (budget(); as budget) {
        <dt i18n>Contract cap</dt>
        <dd data-testid="brief-contract-cap">{{ budget.capMinor | money: budget.currency }}</dd>
        @if (counted()) {
          <dt i18n>Committed (with this brief)</dt>
        } @else {
          <dt i18n>Committed (other briefs)</dt>
        }
        <dd>{{ budget.committedMinor | money: budget.currency }}</dd>
        @if (pending()) {
          <dt i18n>Remaining after accepting</dt>
          <dd [class.ap-over]="overByMinor() > 0">
            {{
              budget.capMinor - budget.committedMinor - brief().budgetEstimateMinor | money: budget.currency
            }}
          </dd>
        } @else {
          <dt i18n>Remaining</dt>
          <dd>{{ budget.remainingMinor | money: budget.currency }}</dd>
        }
      }
    </dl>
    @if (!budget()) {
      <p i18n class="ap-hint">The contract’s budget is not available to you.</p>
    }
    @if (overByMinor() > 0) {
      <p i18n class="ap-over-warning" role="status" data-testid="brief-over-cap">
        Accepting this brief would take the contract past its budget cap by
        {{ overByMinor() | money: brief().currency }}.
        @if (!brief().budgetOverride) {
          The contract’s owner must allow it before the agency can accept.
        }
      </p>
    }
    @if (brief().budgetOverride; as override) {
      <div i18n class="ap-notice" data-testid="brief-budget-override">
        Budget overridden by {{ override.by.name }} on {{ override.at | localDate: 'dateTime' }}:
        <q>{{ override.reason }}</q>
      </div>
    }
  `,
  styles: `
    .ap-over,
    .ap-over-warning {
      color: var(--mat-sys-error);
    }
    .ap-over-warning {
      margin: 12px 0 0;
    }
    .ap-notice {
      margin: 12px 0 0;
    }
    dd {
      font-variant-numeric: tabular-nums;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BriefBudget {
  readonly brief = input.required<BriefDto>();
  /** The contract's budget; null when the user cannot read it. */
  readonly budget = input<BudgetSummaryDto | null>(null);

  protected readonly counted = computed(() => commitsBudget(this.brief().status));
  protected readonly pending = computed(() => awaitsAcceptance(this.brief().status));
  /** How far past the cap accepting would go (0 when it fits or the brief is no longer pending). */
  protected readonly overByMinor = computed(() => {
    const budget = this.budget();
    const brief = this.brief();
    if (!budget || !exceedsBudgetCap(brief, budget)) {
      return 0;
    }
    return budget.committedMinor + brief.budgetEstimateMinor - budget.capMinor;
  });
}
