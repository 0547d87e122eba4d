import { ExportMenu } from '../../shared/export/export-menu';
import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { tap } from 'rxjs';
import { SCORECARD_SORT_KEYS, isQuarter } from '@agency-portal/shared';
import { ListFilters } from '../../shared/list/list-filters';
import { createListLoader } from '../../shared/list/list-loader';
import { listQueryState } from '../../shared/list/list-query-state';
import { ListView } from '../../shared/list/list-view';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { KPI_METRIC_LABELS } from '../../shared/i18n/labels';
import { DataTable, TableCellDef } from '../../shared/table/data-table';
import { scorecardColumns } from './scorecard-columns';
import { ScorecardService } from './scorecard.service';
import {
  FIGURE_DEFINITIONS,
  FIGURE_KEYS,
  FIGURE_LABELS,
  formatDecimal,
  formatShare,
  quarterLabel,
  quarterOptions,
} from './scorecard-view';

/**
 * /scorecards: every agency's figures for a chosen quarter side by side (in-house readers), sorted
 * by any figure; the quarter, search, sort and page live in the URL. Agency users are sent to their
 * own scorecard by the route.
 */
@Component({
  selector: 'ap-scorecard-list-page',
  imports: [
    DataTable,
    ExportMenu,
    ListFilters,
    ListView,
    MatFormFieldModule,
    MatSelectModule,
    MoneyPipe,
    ReactiveFormsModule,
    RouterLink,
    TableCellDef,
  ],
  templateUrl: './scorecard-list-page.html',
  styles: `
    .ap-secondary {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .ap-definitions {
      margin-top: 24px;
    }
    .ap-definitions dt {
      font-weight: 600;
      margin-top: 8px;
    }
    .ap-definitions dd {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScorecardListPage {
  private readonly locale = inject(LOCALE_ID);
  private readonly scorecards = inject(ScorecardService);

  protected readonly figureKeys = FIGURE_KEYS;
  protected readonly figureLabels = FIGURE_LABELS;
  protected readonly definitions = FIGURE_DEFINITIONS;
  protected readonly kpiLabels = KPI_METRIC_LABELS;
  protected readonly quarters = quarterOptions();
  protected readonly quarterLabel = quarterLabel;
  protected readonly columns = scorecardColumns(this.locale);

  /** The quarter the answer covers (the current one when none is chosen) and whether it is still running. */
  protected readonly period = signal<{ quarter: string; open: boolean } | null>(null);

  protected readonly list = listQueryState({
    filters: ['quarter'] as const,
    sortKeys: SCORECARD_SORT_KEYS,
    defaultSort: 'name',
  });
  /** The export carries the view's quarter and search. */
  protected readonly exportParams = computed(() => ({
    quarter: isQuarter(this.list.filters().quarter) ? this.list.filters().quarter : undefined,
    q: this.list.listParams().q,
  }));
  protected readonly rows = createListLoader(
    this.list,
    (filters) => ({ quarter: isQuarter(filters.quarter) ? filters.quarter : undefined }),
    (query) =>
      this.scorecards
        .list(query)
        .pipe(tap((page) => this.period.set({ quarter: page.quarter, open: page.open }))),
  );

  protected ratio(value: number | null): string {
    return value === null ? '—' : formatShare(value, this.locale);
  }

  protected perThousand(value: number | null): string {
    return value === null ? '—' : formatDecimal(value, this.locale);
  }
}
