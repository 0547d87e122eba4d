import { ExportMenu } from '../../shared/export/export-menu';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { tap } from 'rxjs';
import { SCORECARD_SORT_KEYS, isQuarter } from '@agency-portal/shared';
import { ListFilters } from '../../shared/list/list-filters';
import { createListPage } from '../../shared/list/list-page';
import { ListView } from '../../shared/list/list-view';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { DataTable, TableCellDef } from '../../shared/table/data-table';
import { scorecardColumns } from './scorecard-columns';
import { ScorecardPage } from './scorecard-page';
import { ScorecardService } from './scorecard.service';

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
    LocalDatePipe,
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
export class ScorecardListPage extends ScorecardPage {
  private readonly scorecards = inject(ScorecardService);

  protected readonly columns = scorecardColumns(this.locale);

  /** The quarter the answer covers (the current one when none is chosen) and whether it is still running. */
  protected readonly period = signal<{ quarter: string; open: boolean; asOf: string | null } | null>(null);

  protected readonly list = createListPage(
    { quarter: (value: string) => (isQuarter(value) ? value : undefined) },
    {
      sortKeys: SCORECARD_SORT_KEYS,
      defaultSort: 'name',
      load: (query) =>
        this.scorecards
          .list(query)
          .pipe(
            tap((page) =>
              this.period.set({ quarter: page.quarter, open: page.open, asOf: page.figuresAsOf }),
            ),
          ),
    },
  );
  /** The export carries the view's quarter and search. */
  protected readonly exportParams = computed(() => ({
    quarter: isQuarter(this.list.filters().quarter) ? this.list.filters().quarter : undefined,
    q: this.list.listParams().q,
  }));
}
