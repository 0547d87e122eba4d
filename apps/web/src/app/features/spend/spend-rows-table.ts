import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  LOCALE_ID,
  computed,
  inject,
  input,
  output,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { SpendConversionDto, SpendGroup, SpendRowDto } from '@agency-portal/shared';
import { formatMonth } from '../../shared/format/date-format';
import { SPEND_GROUP_LABELS } from '../../shared/i18n/labels';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { formatRate } from './spend-format';
import { rowParam } from './spend-query';

/**
 * The report's groups, one row per group and currency: net invoiced, approved and paid, the
 * converted amount with the rate of each month used, and "Lines" to open the invoice lines behind it.
 */
@Component({
  selector: 'ap-spend-rows-table',
  imports: [DecimalPipe, MatButtonModule, MoneyPipe],
  template: `
    <div class="ap-table-wrap">
      <table class="ap-spend-rows" [attr.aria-label]="tableLabel()">
        <thead>
          <tr>
            <th scope="col">{{ groupLabel() }}</th>
            <th i18n scope="col">Currency</th>
            <th i18n="Column: net amount of the invoice lines" scope="col" class="ap-number">Invoiced</th>
            <th i18n="Column: of which approved or paid" scope="col" class="ap-number">Approved</th>
            <th i18n="Column: of which paid" scope="col" class="ap-number">Paid</th>
            @if (reportingCurrency(); as reporting) {
              <th i18n scope="col" class="ap-number">In {{ reporting }}</th>
              <th i18n="Column: the exchange rates a converted amount used" scope="col">Rate used</th>
            }
            <th i18n="Column: how many invoices" scope="col" class="ap-number">Invoices</th>
            @if (canDrill()) {
              <th scope="col"><span i18n class="ap-visually-hidden">Invoice lines</span></th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of view(); track row.param) {
            <tr
              [class.ap-spend-rows__open]="row.param === openParam()"
              [attr.data-testid]="'spend-row-' + row.param"
            >
              <th scope="row">{{ row.label }}</th>
              <td>{{ row.source.currency }}</td>
              <td class="ap-number">{{ row.source.amountMinor | money: row.source.currency }}</td>
              <td class="ap-number">{{ row.source.approvedMinor | money: row.source.currency }}</td>
              <td class="ap-number">{{ row.source.paidMinor | money: row.source.currency }}</td>
              @if (reportingCurrency()) {
                <td class="ap-number">
                  @if (row.source.reporting; as reporting) {
                    {{ reporting.amountMinor | money: reporting.currency }}
                    @if (reporting.missingRate && reporting.amountMinor !== null) {
                      <span
                        i18n="A converted amount leaves out months without a rate"
                        class="ap-spend-rows__flag"
                        >partial</span
                      >
                    }
                  }
                </td>
                <td>
                  <span class="ap-spend-rows__rates">
                    @for (rate of row.rates; track rate.month) {
                      <span [class.ap-spend-rows__flag]="rate.missing">{{ rate.text }}</span>
                    }
                  </span>
                </td>
              }
              <td class="ap-number">{{ row.source.invoiceCount | number }}</td>
              @if (canDrill()) {
                <td>
                  <button
                    matButton
                    type="button"
                    [attr.aria-label]="row.openLabel"
                    [attr.aria-pressed]="row.param === openParam()"
                    (click)="openRow.emit(row.source)"
                  >
                    <ng-container i18n="Opens the invoice lines behind a report row">Lines</ng-container>
                  </button>
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .ap-spend-rows {
      width: 100%;
      border-collapse: collapse;
    }
    .ap-spend-rows th,
    .ap-spend-rows td {
      padding: 6px 16px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .ap-spend-rows th:not(.ap-number),
    .ap-spend-rows td:not(.ap-number) {
      text-align: left;
    }
    .ap-spend-rows tbody th {
      font-weight: 500;
    }
    .ap-spend-rows__open {
      background: var(--mat-sys-secondary-container);
    }
    .ap-spend-rows__rates {
      display: flex;
      flex-direction: column;
      font: var(--mat-sys-body-small);
    }
    .ap-spend-rows__flag {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SpendRowsTable {
  readonly rows = input.required<readonly SpendRowDto[]>();
  readonly groupBy = input.required<SpendGroup>();
  readonly reportingCurrency = input<string | null>(null);
  /** Whether the reader may open the invoice lines (finance, admins, leads; not viewers). */
  readonly canDrill = input(false);
  /** The open row's URL parameter. */
  readonly openParam = input('');
  readonly openRow = output<SpendRowDto>();

  private readonly locale = inject(LOCALE_ID);
  protected readonly groupLabel = computed(() => SPEND_GROUP_LABELS[this.groupBy()]);
  protected readonly tableLabel = computed(
    () =>
      $localize`:Accessible name of the spend report's table@@spend.rowsTable:Spend by ${this.groupLabel()}:group:`,
  );
  protected readonly view = computed(() => {
    const groupBy = this.groupBy();
    return this.rows().map((row) => {
      const label = groupBy === 'month' ? formatMonth(row.key, this.locale, 'long') : row.label;
      return {
        source: row,
        label,
        param: rowParam(groupBy, row),
        openLabel: $localize`:Opens the invoice lines of one report row@@spend.openLines:Invoice lines of ${label}:group: in ${row.currency}:currency:`,
        rates: this.rates(row.reporting),
      };
    });
  });

  private rates(reporting: SpendConversionDto | null): { month: string; text: string; missing: boolean }[] {
    if (!reporting) return [];
    return reporting.rates.map((rate) => {
      const month = formatMonth(rate.month, this.locale);
      return {
        month: rate.month,
        missing: rate.rate === null,
        text:
          rate.rate === null
            ? $localize`:An exchange rate finance has not entered@@spend.noRate:${month}:month: no rate`
            : `${month}: ${formatRate(rate.rate, this.locale)}`,
      };
    });
  }
}
