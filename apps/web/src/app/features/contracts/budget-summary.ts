import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { BudgetSummaryDto } from '@agency-portal/shared';
import { MoneyPipe } from '../../shared/money/money.pipe';

interface BudgetMeasure {
  key: string;
  label: string;
  amountMinor: number;
  /** Bar length against the cap, as two flex weights (integers, so no money arithmetic in floats). */
  filled: number;
  rest: number;
  tone: 'cap' | 'spend' | 'remaining' | 'over';
}

function measure(
  key: string,
  label: string,
  amountMinor: number,
  capMinor: number,
  tone: BudgetMeasure['tone'],
): BudgetMeasure {
  if (capMinor <= 0) {
    return { key, label, amountMinor, filled: amountMinor > 0 ? 1 : 0, rest: amountMinor > 0 ? 0 : 1, tone };
  }
  const filled = Math.max(0, Math.min(amountMinor, capMinor));
  return { key, label, amountMinor, filled, rest: capMinor - filled, tone };
}

/**
 * The contract's budget: cap, committed, invoiced, approved, paid and remaining, each as a bar
 * against the cap with its amount. The bars only illustrate the figures beside them.
 */
@Component({
  selector: 'ap-budget-summary',
  imports: [MoneyPipe],
  template: `
    <table class="ap-budget" aria-label="Budget" i18n-aria-label>
      <tbody>
        @for (row of measures(); track row.key) {
          <tr>
            <th scope="row">{{ row.label }}</th>
            <td class="ap-budget__bar-cell" aria-hidden="true">
              <span class="ap-budget__bar">
                <span
                  class="ap-budget__fill ap-budget__fill--{{ row.tone }}"
                  [style.flex-grow]="row.filled"
                ></span>
                <span [style.flex-grow]="row.rest"></span>
              </span>
            </td>
            <td
              class="ap-number"
              [class.ap-budget__negative]="row.amountMinor < 0"
              [attr.data-testid]="'budget-' + row.key"
            >
              {{ row.amountMinor | money: budget().currency }}
            </td>
          </tr>
        }
      </tbody>
    </table>
    @if (overCommitted()) {
      <p i18n class="ap-budget__warning" role="status">Commitments exceed the budget cap.</p>
    }
  `,
  styles: `
    .ap-budget {
      width: 100%;
      border-collapse: collapse;
    }
    th {
      padding: 6px 12px 6px 0;
      text-align: left;
      font-weight: 500;
      white-space: nowrap;
    }
    td {
      padding: 6px 0;
    }
    .ap-budget__bar-cell {
      width: 100%;
      padding-right: 16px;
    }
    .ap-budget__bar {
      display: flex;
      height: 12px;
      min-width: 80px;
      overflow: hidden;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-high);
    }
    .ap-budget__fill--cap {
      background: var(--mat-sys-outline);
    }
    .ap-budget__fill--spend {
      background: var(--mat-sys-primary);
    }
    .ap-budget__fill--remaining {
      background: #2e7d4f;
    }
    .ap-budget__fill--over {
      background: var(--mat-sys-error);
    }
    .ap-number {
      white-space: nowrap;
    }
    .ap-budget__negative {
      color: var(--mat-sys-error);
    }
    .ap-budget__warning {
      margin: 8px 0 0;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BudgetSummary {
  readonly budget = input.required<BudgetSummaryDto>();

  protected readonly measures = computed<BudgetMeasure[]>(() => {
    const budget = this.budget();
    const cap = budget.capMinor;
    const spendTone = (amount: number): BudgetMeasure['tone'] => (amount > cap ? 'over' : 'spend');
    return [
      measure('cap', $localize`Budget cap`, cap, cap, 'cap'),
      measure(
        'committed',
        $localize`:Money committed by accepted briefs@@budget.committed:Committed`,
        budget.committedMinor,
        cap,
        spendTone(budget.committedMinor),
      ),
      measure(
        'invoiced',
        $localize`:Money invoiced by the agency@@budget.invoiced:Invoiced`,
        budget.invoicedMinor,
        cap,
        spendTone(budget.invoicedMinor),
      ),
      measure(
        'approved',
        $localize`:Invoiced money approved by finance@@budget.approved:Approved`,
        budget.approvedMinor,
        cap,
        spendTone(budget.approvedMinor),
      ),
      measure(
        'paid',
        $localize`:Money paid out@@budget.paid:Paid`,
        budget.paidMinor,
        cap,
        spendTone(budget.paidMinor),
      ),
      measure(
        'remaining',
        $localize`Remaining`,
        budget.remainingMinor,
        cap,
        budget.remainingMinor < 0 ? 'over' : 'remaining',
      ),
    ];
  });
  protected readonly overCommitted = computed(() => this.budget().committedMinor > this.budget().capMinor);
}
