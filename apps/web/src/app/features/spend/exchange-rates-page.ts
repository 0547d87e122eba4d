import { ChangeDetectionStrategy, Component, LOCALE_ID, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { ExchangeRateDto } from '@agency-portal/shared';
import { COMMON_CURRENCIES, EXCHANGE_RATE_SORT_KEYS, isKnownCurrency } from '@agency-portal/shared';
import { filter, switchMap } from 'rxjs';
import { describeError } from '../../core/http/api-error';
import { Notifier } from '../../core/notify/notifier';
import { formatMonth } from '../../shared/format/date-format';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { ListFilters } from '../../shared/list/list-filters';
import { createListLoader } from '../../shared/list/list-loader';
import { listQueryState } from '../../shared/list/list-query-state';
import { ListView } from '../../shared/list/list-view';
import { DataTable, TableCellDef } from '../../shared/table/data-table';
import { type TableColumn, textCell } from '../../shared/table/table-column';
import { openConfirmDialog } from '../../shared/ui/confirm-dialog';
import { openExchangeRateDialog } from './exchange-rate-dialog';
import { formatRate } from './spend-format';
import { SpendService } from './spend.service';

/** The reporting currency a new rate starts with (the one most of finance's reports use). */
const DEFAULT_REPORTING_CURRENCY = 'USD';

function currency(value: string): string | undefined {
  return isKnownCurrency(value) ? value : undefined;
}

/**
 * /spend/exchange-rates (finance): the monthly rates the spend report converts with, newest month
 * first, by currency; add a month's rate, change or remove one (the audit log keeps the old).
 */
@Component({
  selector: 'ap-exchange-rates-page',
  imports: [
    ListFilters,
    ListView,
    DataTable,
    LocalDatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    ReactiveFormsModule,
    RouterLink,
    TableCellDef,
  ],
  template: `
    <section class="ap-page">
      <a i18n class="ap-back" matButton routerLink="/spend">‹ Spend report</a>
      <header class="ap-page-header">
        <div>
          <h1 i18n>Exchange rates</h1>
          <p i18n class="ap-subtitle">
            The rate of each currency per month that the spend report converts with: an invoice is converted
            at the rate of the month it was issued in.
          </p>
        </div>
        <div class="ap-page-header__actions">
          <button i18n matButton="filled" type="button" (click)="addRate()">Add a rate</button>
        </div>
      </header>

      <ap-list-filters [list]="list" label="Filter exchange rates" i18n-label>
        <mat-form-field>
          <mat-label i18n>Currency</mat-label>
          <mat-select [formControl]="list.form.controls.currency">
            <mat-option i18n value="">Any currency</mat-option>
            @for (code of currencies; track code) {
              <mat-option [value]="code">{{ code }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n="The currency every amount is also converted to">Reporting currency</mat-label>
          <mat-select [formControl]="list.form.controls.reportingCurrency">
            <mat-option i18n value="">Any currency</mat-option>
            @for (code of currencies; track code) {
              <mat-option [value]="code">{{ code }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </ap-list-filters>

      <ap-list-view [list]="list" [loader]="rates" loadingLabel="Loading exchange rates" i18n-loadingLabel>
        <div listEmpty>
          <p i18n>Finance has not entered any exchange rate yet.</p>
          <p i18n>Add the monthly rates so the spend report can show amounts in one reporting currency.</p>
        </div>
        <ap-data-table [rows]="rates.items()" [columns]="columns" [label]="label">
          <ng-template apCell="rate" [apCellOf]="rates.items()" let-rate>
            <span [attr.data-testid]="'rate-' + rate.currency + '-' + rate.month">{{ rateText(rate) }}</span>
          </ng-template>
          <ng-template apCell="updated" [apCellOf]="rates.items()" let-rate>
            {{ rate.updatedBy.name }}
            <span class="ap-rates__detail">{{ rate.updatedAt | localDate: 'dateTime' }}</span>
          </ng-template>
          <ng-template apCell="actions" [apCellOf]="rates.items()" let-rate>
            <button matButton type="button" [attr.aria-label]="editLabel(rate)" (click)="editRate(rate)">
              <ng-container i18n="Changes a record">Change</ng-container>
            </button>
            <button matButton type="button" [attr.aria-label]="removeLabel(rate)" (click)="removeRate(rate)">
              <ng-container i18n="Removes a record">Remove</ng-container>
            </button>
          </ng-template>
        </ap-data-table>
      </ap-list-view>
    </section>
  `,
  styles: `
    .ap-rates__detail {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExchangeRatesPage {
  private readonly spend = inject(SpendService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly locale = inject(LOCALE_ID);

  protected readonly currencies = COMMON_CURRENCIES;
  protected readonly label = $localize`Exchange rates`;
  protected readonly columns: readonly TableColumn<ExchangeRateDto>[] = [
    {
      id: 'month',
      header: $localize`:The month an exchange rate applies to:Month`,
      cell: textCell((rate) => this.month(rate)),
    },
    { id: 'rate', header: $localize`:An exchange rate:Rate` },
    { id: 'updated', header: $localize`:Column — who last changed a record, and when:Last changed` },
    { id: 'actions', header: $localize`Actions`, headerHidden: true, cellClass: 'ap-actions-cell' },
  ];
  protected readonly list = listQueryState({
    filters: ['currency', 'reportingCurrency'] as const,
    sortKeys: EXCHANGE_RATE_SORT_KEYS,
    defaultSort: '-month',
  });
  protected readonly rates = createListLoader(
    this.list,
    (filters) => ({
      currency: currency(filters.currency),
      reportingCurrency: currency(filters.reportingCurrency),
    }),
    (query) => this.spend.exchangeRates(query),
  );

  /** "1 KRW = 0.000731 USD" in the locale's marks. */
  protected rateText(rate: ExchangeRateDto): string {
    const value = formatRate(rate.rate, this.locale);
    return $localize`:An exchange rate@@exchangeRate.text:1 ${rate.currency}:currency: = ${value}:rate: ${rate.reportingCurrency}:reportingCurrency:`;
  }

  protected editLabel(rate: ExchangeRateDto): string {
    return $localize`:Changes one exchange rate@@exchangeRate.edit:Change the ${rate.currency}:currency: rate of ${this.month(rate)}:month:`;
  }

  protected removeLabel(rate: ExchangeRateDto): string {
    return $localize`:Removes one exchange rate@@exchangeRate.remove:Remove the ${rate.currency}:currency: rate of ${this.month(rate)}:month:`;
  }

  protected addRate(): void {
    const reportingCurrency = currency(this.list.filters().reportingCurrency) ?? DEFAULT_REPORTING_CURRENCY;
    openExchangeRateDialog(this.dialog, { reportingCurrency })
      .pipe(filter((saved) => saved !== undefined))
      .subscribe((saved) => {
        this.notifier.success($localize`Rate saved: ${this.rateText(saved)}:rate:.`);
        this.rates.reload();
      });
  }

  protected editRate(rate: ExchangeRateDto): void {
    openExchangeRateDialog(this.dialog, { rate, reportingCurrency: rate.reportingCurrency })
      .pipe(filter((saved) => saved !== undefined))
      .subscribe((saved) => {
        this.notifier.success($localize`Rate saved: ${this.rateText(saved)}:rate:.`);
        this.rates.reload();
      });
  }

  protected removeRate(rate: ExchangeRateDto): void {
    openConfirmDialog(this.dialog, {
      title: $localize`Remove this exchange rate?`,
      message: $localize`The spend report no longer converts ${rate.currency}:currency: of ${this.month(rate)}:month: to ${rate.reportingCurrency}:reportingCurrency: until a rate is added again. The audit log keeps the old rate.`,
      confirmLabel: $localize`:Removes a record@@exchangeRate.confirmRemove:Remove`,
      destructive: true,
    })
      .pipe(
        filter((confirmed) => confirmed),
        switchMap(() => this.spend.deleteExchangeRate(rate.id)),
      )
      .subscribe({
        next: () => {
          this.notifier.success($localize`Exchange rate removed.`);
          this.rates.reload();
        },
        error: (failure: unknown) => this.notifier.error(describeError(failure)),
      });
  }

  private month(rate: ExchangeRateDto): string {
    return formatMonth(rate.month, this.locale, 'long');
  }
}
