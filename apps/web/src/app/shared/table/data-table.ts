import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Directive,
  TemplateRef,
  computed,
  contentChild,
  contentChildren,
  inject,
  input,
  output,
} from '@angular/core';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { LocalDatePipe } from '../format/local-date.pipe';
import type { ListSort, SortChange } from '../list/list-query-state';
import { MoneyPipe } from '../money/money.pipe';
import { StatusChip } from '../ui/status-chip';
import type { TableColumn } from './table-column';

interface RowContext<T> {
  $implicit: T;
}

/**
 * A body cell with its own markup: `<ng-template apCell="status" [apCellOf]="briefs()" let-brief>`.
 * `apCellOf` takes the table's rows only to give the template its row type.
 */
@Directive({ selector: 'ng-template[apCell]' })
export class TableCellDef<T> {
  readonly apCell = input.required<string>();
  readonly apCellOf = input<readonly T[]>([]);
  readonly template = inject<TemplateRef<RowContext<T>>>(TemplateRef);

  static ngTemplateContextGuard<T>(_def: TableCellDef<T>, context: unknown): context is RowContext<T> {
    return context !== null;
  }
}

/** A footer cell (a total): `<ng-template apFooterCell="estimate">`. */
@Directive({ selector: 'ng-template[apFooterCell]' })
export class TableFooterDef {
  readonly apFooterCell = input.required<string>();
  readonly template = inject<TemplateRef<unknown>>(TemplateRef);
}

/**
 * A row's detail below it, the width of the table, shown while `detailOpen(row)` holds (an audit
 * event's changes, an e-mail's body): `<ng-template apRowDetail [apRowDetailOf]="rows" let-row>`.
 */
@Directive({ selector: 'ng-template[apRowDetail]' })
export class TableRowDetailDef<T> {
  readonly apRowDetailOf = input<readonly T[]>([]);
  readonly template = inject<TemplateRef<RowContext<T>>>(TemplateRef);

  static ngTemplateContextGuard<T>(_def: TableRowDetailDef<T>, context: unknown): context is RowContext<T> {
    return context !== null;
  }
}

interface CellContext<T> {
  $implicit: T;
  column: TableColumn<T>;
}

/** Types the table's own cell template: a row and its column (`apCellContentOf` names the rows). */
@Directive({ selector: 'ng-template[apCellContent]' })
export class CellContentDef<T> {
  readonly apCellContentOf = input<readonly T[]>([]);

  static ngTemplateContextGuard<T>(_def: CellContentDef<T>, context: unknown): context is CellContext<T> {
    return context !== null;
  }
}

/** The id of the detail row's one cell; not a column a feature can declare (ids are words). */
const DETAIL_COLUMN = 'ap-detail';

/**
 * Every list table: the scrolling wrapper, `mat-table` with its accessible name, headers with
 * `scope="col"`, sortable ones bound to the list's sort (keyboard and screen-reader sorting are
 * MatSort's), figures aligned (`ap-number`), and cells of the common kinds — text, a link with a
 * second line, a date, a period, money, a status chip — or a feature's own `apCell` template.
 * Columns are declared in the feature (`TableColumn`); the table only draws them.
 */
@Component({
  selector: 'ap-data-table',
  imports: [
    CellContentDef,
    LocalDatePipe,
    MatSortModule,
    MatTableModule,
    MoneyPipe,
    NgTemplateOutlet,
    RouterLink,
    StatusChip,
  ],
  template: `
    <div class="ap-table-wrap">
      <table
        mat-table
        [dataSource]="rows()"
        [multiTemplateDataRows]="detail() !== undefined"
        [attr.aria-label]="label()"
        matSort
        matSortDisableClear
        [matSortActive]="sort()?.key ?? ''"
        [matSortDirection]="sort()?.direction ?? ''"
        [matSortDisabled]="!sort()"
        (matSortChange)="sortChange.emit($event)"
      >
        @for (column of columns(); track column.id) {
          <ng-container [matColumnDef]="column.id">
            @if (column.sort; as key) {
              <th
                mat-header-cell
                *matHeaderCellDef
                scope="col"
                [class.ap-number]="column.numeric"
                [attr.title]="column.headerTitle"
                [mat-sort-header]="key"
                [start]="column.start ?? 'asc'"
                sortActionDescription="Sort by this column"
                i18n-sortActionDescription="@@list.sortByColumn"
              >
                {{ column.header }}
              </th>
            } @else {
              <th
                mat-header-cell
                *matHeaderCellDef
                scope="col"
                [class.ap-number]="column.numeric"
                [attr.title]="column.headerTitle"
              >
                @if (column.headerHidden) {
                  <span class="ap-visually-hidden">{{ column.header }}</span>
                } @else {
                  {{ column.header }}
                }
              </th>
            }
            @if (column.rowHeader) {
              <th
                *matCellDef="let row"
                scope="row"
                [class]="rowHeaderClass(column)"
                [class.ap-number]="column.numeric"
                [attr.data-testid]="column.cellTestId"
              >
                <ng-container *ngTemplateOutlet="cellContent; context: { $implicit: row, column }" />
              </th>
            } @else {
              <td
                mat-cell
                *matCellDef="let row"
                [class]="column.cellClass ?? ''"
                [class.ap-number]="column.numeric"
                [attr.data-testid]="column.cellTestId"
              >
                <ng-container *ngTemplateOutlet="cellContent; context: { $implicit: row, column }" />
              </td>
            }
            @if (hasFooter()) {
              <td mat-footer-cell *matFooterCellDef [class.ap-number]="column.numeric">
                @if (footers().get(column.id); as footer) {
                  <ng-container *ngTemplateOutlet="footer" />
                } @else {
                  {{ column.footer ?? '' }}
                }
              </td>
            }
          </ng-container>
        }
        @if (detail(); as detail) {
          <ng-container [matColumnDef]="detailColumn">
            <td mat-cell *matCellDef="let row" [attr.colspan]="columnIds().length" class="ap-detail-cell">
              @if (detailOpen()(row)) {
                <ng-container *ngTemplateOutlet="detail.template; context: { $implicit: row }" />
              }
            </td>
          </ng-container>
        }
        <tr mat-header-row *matHeaderRowDef="columnIds()"></tr>
        <tr
          mat-row
          *matRowDef="let row; columns: columnIds()"
          [attr.data-testid]="rowTestId()"
          [class.ap-row--open]="detailOpen()(row)"
        ></tr>
        @if (detail()) {
          <tr
            mat-row
            *matRowDef="let row; columns: [detailColumn]"
            class="ap-detail-row"
            [class.ap-detail-row--open]="detailOpen()(row)"
          ></tr>
        }
        @if (hasFooter()) {
          <tr mat-footer-row *matFooterRowDef="columnIds()"></tr>
        }
      </table>
    </div>
    <ng-template #cellContent apCellContent [apCellContentOf]="rows()" let-row let-column="column">
      @let cell = column.cell;
      @if (cell === undefined) {
        <ng-container *ngTemplateOutlet="cells().get(column.id) ?? null; context: { $implicit: row }" />
      } @else {
        @switch (cell.kind) {
          @case ('text') {
            @if (cell.code) {
              <code>{{ cell.value(row) }}</code>
            } @else {
              {{ cell.value(row) }}
            }
            @if (cell.secondary?.(row); as secondary) {
              <div class="ap-secondary">{{ secondary }}</div>
            }
          }
          @case ('link') {
            @let link = cell.link(row);
            @if (link) {
              <a [routerLink]="link">{{ cell.text(row) }}</a>
            } @else {
              {{ cell.text(row) }}
            }
            @if (cell.secondary?.(row); as secondary) {
              <div class="ap-secondary">{{ secondary }}</div>
            }
          }
          @case ('date') {
            {{ cell.value(row) | localDate: cell.style }}
          }
          @case ('period') {
            {{ cell.from(row) | localDate: 'date' }} – {{ cell.to(row) | localDate: 'date' }}
          }
          @case ('money') {
            {{ cell.minor(row) | money: cell.currency(row) }}
          }
          @case ('status') {
            <ap-status-chip [label]="cell.label(row)" [tone]="cell.tone(row)" />
          }
        }
      }
    </ng-template>
  `,
  styles: `
    .ap-secondary {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .ap-actions-cell {
      white-space: nowrap;
      text-align: right;
    }
    .mat-mdc-footer-cell {
      font-weight: 500;
    }
    .ap-row--open td {
      border-bottom-width: 0;
    }
    .ap-detail-row {
      height: 0;
    }
    .ap-detail-row:not(.ap-detail-row--open) .ap-detail-cell {
      padding: 0;
      border-bottom-width: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DataTable<T> {
  readonly rows = input.required<readonly T[]>();
  readonly columns = input.required<readonly TableColumn<T>[]>();
  /** The table's accessible name, e.g. "Briefs". */
  readonly label = input.required<string>();
  /** The list's sort; without one the headers do not sort. */
  readonly sort = input<ListSort | null>(null);
  /** `data-testid` of every data row (journeys find a row by it). */
  readonly rowTestId = input<string>();
  /** Whether a row's `apRowDetail` shows. */
  readonly detailOpen = input<(row: T) => boolean>(() => false);
  readonly sortChange = output<SortChange>();

  private readonly cellDefs = contentChildren<TableCellDef<T>>(TableCellDef);
  private readonly footerDefs = contentChildren(TableFooterDef);
  protected readonly detail = contentChild<TableRowDetailDef<T>>(TableRowDetailDef);

  protected readonly detailColumn = DETAIL_COLUMN;
  protected readonly columnIds = computed(() => this.columns().map((column) => column.id));
  protected readonly cells = computed(
    () => new Map(this.cellDefs().map((def) => [def.apCell(), def.template] as const)),
  );
  protected readonly footers = computed(
    () => new Map(this.footerDefs().map((def) => [def.apFooterCell(), def.template] as const)),
  );
  protected readonly hasFooter = computed(
    () => this.footerDefs().length > 0 || this.columns().some((column) => column.footer !== undefined),
  );

  /** A row header is a plain `th` (MatCell matches `td` only): it takes the cell classes itself. */
  protected rowHeaderClass(column: TableColumn<T>): string {
    return `mat-mdc-cell mdc-data-table__cell cdk-cell cdk-column-${column.id} mat-column-${column.id} ${column.cellClass ?? ''}`;
  }
}
