import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { DecimalPipe } from '@angular/common';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { MetricImportErrorDto, Page } from '@agency-portal/shared';
import { createLoader } from '../../core/data/loader';
import { ListPaginator } from '../../shared/list/list-paginator';
import { DataTable, TableCellDef } from '../../shared/table/data-table';
import { type TableColumn, textCell } from '../../shared/table/table-column';
import { LoadError } from '../../shared/ui/load-error';
import { ImportService } from './import.service';

export const ERROR_PAGE_SIZE = 25;

const COLUMNS: readonly TableColumn<MetricImportErrorDto>[] = [
  {
    id: 'line',
    header: $localize`:Column — the file's line@@importErrors.line:Line`,
    numeric: true,
  },
  {
    id: 'column',
    header: $localize`:Column — the file's column@@importErrors.column:Column`,
    cell: textCell((error) => error.column ?? ''),
  },
  { id: 'value', header: $localize`:Column — the value in the file@@importErrors.value:Value` },
  {
    id: 'message',
    header: $localize`:Column — what is wrong@@importErrors.message:Problem`,
    cell: textCell((error) => error.message),
  },
];

/** A refused import's line errors, a page at a time in the file's order: line, column, value and what is wrong. */
@Component({
  selector: 'ap-import-errors',
  imports: [DataTable, DecimalPipe, ListPaginator, LoadError, MatProgressBarModule, TableCellDef],
  template: `
    <div class="ap-progress-slot">
      @if (page.loading()) {
        <mat-progress-bar
          mode="indeterminate"
          aria-label="Loading the line errors"
          i18n-aria-label="@@importErrors.loading"
        />
      }
    </div>
    @if (page.error(); as error) {
      <ap-load-error [error]="error" (retry)="page.reload()" />
    } @else if (page.value(); as errors) {
      <ap-data-table [rows]="errors.items" [columns]="columns" [label]="label">
        <ng-template apCell="line" [apCellOf]="errors.items" let-error>{{ error.line | number }}</ng-template>
        <ng-template apCell="value" [apCellOf]="errors.items" let-error>
          <div class="ap-import-errors__value">{{ error.value ?? '' }}</div>
        </ng-template>
      </ap-data-table>
      <ap-list-paginator
        [pageIndex]="cursors().length"
        [pageSize]="pageSize"
        [shown]="errors.items.length"
        [total]="total()"
        [hasNext]="errors.nextCursor !== null"
        label="Pages of line errors"
        i18n-label="@@importErrors.pages"
        (previous)="previousPage()"
        (next)="nextPage(errors)"
      />
    }
  `,
  styles: `
    .ap-import-errors__value {
      max-width: 24ch;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportErrors {
  readonly importId = input.required<string>();
  /** All the import's errors (its counts), for "1–25 of 140". */
  readonly count = input.required<number>();

  private readonly imports = inject(ImportService);
  protected readonly pageSize = ERROR_PAGE_SIZE;
  protected readonly columns = COLUMNS;
  protected readonly label = $localize`:@@importErrors.table:Line errors`;
  /** The cursors of the pages before this one (empty: the first page). */
  protected readonly cursors = signal<string[]>([]);
  private readonly cursor = computed(() => this.cursors().at(-1));
  protected readonly total = computed(() => ({ count: this.count(), exact: true }));
  protected readonly page = createLoader(
    () => ({ id: this.importId(), cursor: this.cursor() }),
    ({ id, cursor }) => this.imports.errors(id, { limit: ERROR_PAGE_SIZE, cursor }),
  );

  constructor() {
    effect(() => {
      this.importId();
      untracked(() => this.cursors.set([]));
    });
  }

  protected nextPage(page: Page<MetricImportErrorDto>): void {
    const next = page.nextCursor;
    if (next) this.cursors.update((cursors) => [...cursors, next]);
  }

  protected previousPage(): void {
    this.cursors.update((cursors) => cursors.slice(0, -1));
  }
}
