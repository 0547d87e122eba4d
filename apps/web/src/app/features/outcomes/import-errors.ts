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
import { MatTableModule } from '@angular/material/table';
import type { MetricImportErrorDto, Page } from '@agency-portal/shared';
import { createLoader } from '../../core/data/loader';
import { ListPaginator } from '../../shared/list/list-paginator';
import { LoadError } from '../../shared/ui/load-error';
import { ImportService } from './import.service';

export const ERROR_PAGE_SIZE = 25;

/** A refused import's line errors, a page at a time in the file's order: line, column, value and what is wrong. */
@Component({
  selector: 'ap-import-errors',
  imports: [DecimalPipe, ListPaginator, LoadError, MatProgressBarModule, MatTableModule],
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
      <div class="ap-table-wrap">
        <table
          mat-table
          [dataSource]="errors.items"
          aria-label="Line errors"
          i18n-aria-label="@@importErrors.table"
        >
          <ng-container matColumnDef="line">
            <th
              i18n="Column: the file's line@@importErrors.line"
              mat-header-cell
              *matHeaderCellDef
              scope="col"
              class="ap-number"
            >
              Line
            </th>
            <td mat-cell *matCellDef="let error" class="ap-number">{{ error.line | number }}</td>
          </ng-container>
          <ng-container matColumnDef="column">
            <th
              i18n="Column: the file's column@@importErrors.column"
              mat-header-cell
              *matHeaderCellDef
              scope="col"
            >
              Column
            </th>
            <td mat-cell *matCellDef="let error">{{ error.column ?? '' }}</td>
          </ng-container>
          <ng-container matColumnDef="value">
            <th
              i18n="Column: the value in the file@@importErrors.value"
              mat-header-cell
              *matHeaderCellDef
              scope="col"
            >
              Value
            </th>
            <td mat-cell *matCellDef="let error" class="ap-import-errors__value">{{ error.value ?? '' }}</td>
          </ng-container>
          <ng-container matColumnDef="message">
            <th
              i18n="Column: what is wrong@@importErrors.message"
              mat-header-cell
              *matHeaderCellDef
              scope="col"
            >
              Problem
            </th>
            <td mat-cell *matCellDef="let error">{{ error.message }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
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
  protected readonly columns = ['line', 'column', 'value', 'message'];
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
