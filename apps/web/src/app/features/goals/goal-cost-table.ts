import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject, input } from '@angular/core';
import type { BreakdownRow, CostFigures } from '@agency-portal/shared';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { formatCount, formatRatio } from './goal-report-view';

/** Rows of results and what each result cost, in the row's currency: a goal's totals or a breakdown. */
@Component({
  selector: 'ap-goal-cost-table',
  imports: [MoneyPipe],
  template: `
    <div class="ap-table-wrap">
      <table class="ap-simple-table" [attr.aria-label]="caption()">
        <thead>
          <tr>
            <th scope="col">{{ keyLabel() }}</th>
            <th i18n="Column: money invoiced for a goal" scope="col" class="ap-number">Spend</th>
            <th i18n="Column: impressions a goal's deliverables had" scope="col" class="ap-number">
              Impressions
            </th>
            <th i18n="Column: cost per thousand impressions" scope="col" class="ap-number">
              Per 1,000 impressions
            </th>
            <th i18n="Column: cost per engagement" scope="col" class="ap-number">Per engagement</th>
            <th i18n="Column: cost per click" scope="col" class="ap-number">Per click</th>
            <th i18n="Column: cost per conversion" scope="col" class="ap-number">Per conversion</th>
            <th i18n="Column: revenue reported" scope="col" class="ap-number">Revenue</th>
            <th i18n="Column: return on spend" scope="col" class="ap-number">ROI</th>
          </tr>
        </thead>
        <tbody>
          @for (row of view(); track $index) {
            <tr>
              <th scope="row">{{ row.name }}</th>
              <td class="ap-number">
                {{ spendVisible() ? (row.figures.spendMinor | money: row.figures.currency) : '—' }}
              </td>
              <td class="ap-number">{{ row.impressions }}</td>
              <td class="ap-number" data-testid="cost-per-thousand">
                {{ row.figures.perThousandImpressionsMinor | money: row.figures.currency }}
              </td>
              <td class="ap-number">{{ row.figures.perEngagementMinor | money: row.figures.currency }}</td>
              <td class="ap-number">{{ row.figures.perClickMinor | money: row.figures.currency }}</td>
              <td class="ap-number">{{ row.figures.perConversionMinor | money: row.figures.currency }}</td>
              <td class="ap-number">{{ row.figures.revenueMinor | money: row.figures.currency }}</td>
              <td class="ap-number">{{ row.roi }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalCostTable {
  private readonly locale = inject(LOCALE_ID);

  readonly caption = input.required<string>();
  /** Header of the first column (Currency, Agency, Channel, Funnel stage). */
  readonly keyLabel = input.required<string>();
  readonly rows = input.required<readonly (CostFigures | BreakdownRow)[]>();
  /** The first column's text of a row. */
  readonly name = input<(row: CostFigures | BreakdownRow) => string>((row) => row.currency);
  readonly spendVisible = input(true);

  protected readonly view = computed(() => {
    const name = this.name();
    return this.rows().map((figures) => ({
      figures,
      name: name(figures),
      impressions: formatCount(figures.impressions, this.locale),
      roi: formatRatio(figures.roi, this.locale),
    }));
  });
}
