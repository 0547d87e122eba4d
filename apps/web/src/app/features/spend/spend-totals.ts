import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { SpendTotalDto } from '@agency-portal/shared';
import { MoneyPipe } from '../../shared/money/money.pipe';

/**
 * The report's totals, one row per currency and never added across currencies, beside the budget
 * the filters cover; with a reporting currency, the converted total of the rows finance has rates for.
 */
@Component({
  selector: 'ap-spend-totals',
  imports: [DecimalPipe, MoneyPipe],
  template: `
    <div class="ap-table-wrap">
      <table class="ap-spend-totals" aria-label="Totals per currency" i18n-aria-label>
        <thead>
          <tr>
            <th i18n scope="col">Currency</th>
            <th i18n="Column: net amount of the invoice lines" scope="col" class="ap-number">Invoiced</th>
            <th i18n="Column: of which approved or paid" scope="col" class="ap-number">Approved</th>
            <th i18n="Column: of which paid" scope="col" class="ap-number">Paid</th>
            <th i18n scope="col" class="ap-number">Budget cap</th>
            <th
              i18n="Column: money committed by accepted briefs@@budget.committed"
              scope="col"
              class="ap-number"
            >
              Committed
            </th>
            <th i18n="Column: how many invoices" scope="col" class="ap-number">Invoices</th>
            <th i18n="Column: how many invoice lines" scope="col" class="ap-number">Lines</th>
          </tr>
        </thead>
        <tbody>
          @for (total of totals(); track total.currency) {
            <tr [attr.data-testid]="'total-' + total.currency">
              <th scope="row">{{ total.currency }}</th>
              <td class="ap-number" data-testid="total-amount">
                {{ total.amountMinor | money: total.currency }}
              </td>
              <td class="ap-number">{{ total.approvedMinor | money: total.currency }}</td>
              <td class="ap-number">{{ total.paidMinor | money: total.currency }}</td>
              <td class="ap-number">{{ total.budgetCapMinor | money: total.currency }}</td>
              <td class="ap-number">{{ total.committedMinor | money: total.currency }}</td>
              <td class="ap-number">{{ total.invoiceCount | number }}</td>
              <td class="ap-number">{{ total.lineCount | number }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
    @if (reportingCurrency(); as reporting) {
      <p class="ap-spend-totals__reporting" data-testid="reporting-total">
        <span i18n
          >In {{ reporting }} at finance’s monthly rates:
          <strong>{{ reportingTotalMinor() | money: reporting }}</strong></span
        >
        @if (missingRates()) {
          <span i18n class="ap-spend-totals__missing">
            Rows without a rate for their month are left out; finance can add the rates.
          </span>
        }
      </p>
    }
  `,
  styles: `
    .ap-spend-totals {
      width: 100%;
      border-collapse: collapse;
    }
    .ap-spend-totals th,
    .ap-spend-totals td {
      padding: 8px 16px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .ap-spend-totals th:not(.ap-number) {
      text-align: left;
    }
    .ap-spend-totals tbody th {
      font-weight: 500;
    }
    .ap-spend-totals__reporting {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      margin: 12px 0 0;
    }
    .ap-spend-totals__missing {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SpendTotals {
  readonly totals = input.required<readonly SpendTotalDto[]>();
  readonly reportingCurrency = input<string | null>(null);
  readonly reportingTotalMinor = input<number | null>(null);
  /** Some row has a month without a rate, so the converted total is partial. */
  readonly missingRates = input(false);
}
