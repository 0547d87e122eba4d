import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { DeliverableStatus, DeliverableSummaryDto } from '@agency-portal/shared';
import { DueRelativePipe, LocalDatePipe } from '../../shared/format/local-date.pipe';
import { CHANNEL_LABELS, DELIVERABLE_STATUS_LABELS } from '../../shared/i18n/labels';
import type { ListSort, SortChange } from '../../shared/list/list-query-state';
import { DataTable, TableCellDef } from '../../shared/table/data-table';
import { type TableColumn, omitColumns, statusCell, textCell } from '../../shared/table/table-column';
import { DELIVERABLE_STATUS_TONES } from './deliverable-labels';
import { DeliverableThumbnail } from './deliverable-thumbnail';
import { type LineageRow, lineageRows } from './lineage';

const COLUMNS: readonly TableColumn<LineageRow>[] = [
  { id: 'title', header: $localize`Deliverable`, sort: 'title' },
  { id: 'code', header: $localize`Rate card item` },
  {
    id: 'channel',
    header: $localize`Channel`,
    cell: textCell(({ deliverable }) => (deliverable.channel ? CHANNEL_LABELS[deliverable.channel] : '—')),
  },
  { id: 'dueDate', header: $localize`Due date`, sort: 'dueDate' },
  {
    id: 'version',
    header: $localize`Version`,
    numeric: true,
    cell: textCell(({ deliverable }) => deliverable.latestVersionNumber ?? '—'),
  },
  { id: 'step', header: $localize`Step`, numeric: true },
  {
    id: 'status',
    header: $localize`Status`,
    cell: statusCell(
      ({ deliverable }) => DELIVERABLE_STATUS_LABELS[deliverable.status],
      ({ deliverable }) => DELIVERABLE_STATUS_TONES[deliverable.status],
    ),
  },
];

/**
 * Deliverables with their status. With `lineage`, cut-downs sit indented under the master they
 * were cut from ("Cut from …"); with `showStep`, the approval step awaiting a decision.
 */
@Component({
  selector: 'ap-deliverables-table',
  imports: [DataTable, DeliverableThumbnail, DueRelativePipe, LocalDatePipe, RouterLink, TableCellDef],
  template: `
    <ap-data-table
      [rows]="rows()"
      [columns]="columns()"
      [label]="label()"
      [sort]="sort()"
      (sortChange)="sortChange.emit($event)"
    >
      <ng-template apCell="title" [apCellOf]="rows()" let-row>
        <div class="ap-deliverable" [style.padding-left.px]="row.depth * 24">
          @if (row.depth > 0) {
            <span class="ap-branch" aria-hidden="true">↳</span>
          }
          <ap-deliverable-thumbnail [thumbnail]="row.deliverable.thumbnail" />
          <div>
            <a [routerLink]="['/deliverables', row.deliverable.id]">{{ row.deliverable.title }}</a>
            @if (row.master) {
              <div i18n class="ap-secondary">Cut from {{ row.master.title }}</div>
            }
          </div>
        </div>
      </ng-template>
      <ng-template apCell="code" [apCellOf]="rows()" let-row>
        @if (row.deliverable.rateCardCode) {
          <code>{{ row.deliverable.rateCardCode }}</code>
        } @else {
          —
        }
      </ng-template>
      <ng-template apCell="dueDate" [apCellOf]="rows()" let-row>
        {{ row.deliverable.dueDate | localDate: 'date' }}
        @if (isOpen(row.deliverable.status)) {
          <div class="ap-secondary">{{ row.deliverable.dueDate | dueRelative }}</div>
        }
      </ng-template>
      <ng-template apCell="step" [apCellOf]="rows()" let-row>
        {{ row.deliverable.currentStep === null ? '—' : row.deliverable.currentStep + 1 }}
        @if (row.deliverable.stepDueAt; as stepDueAt) {
          <div class="ap-secondary" data-testid="step-due">{{ stepDueAt | dueRelative }}</div>
        }
      </ng-template>
    </ap-data-table>
  `,
  styles: `
    .ap-deliverable {
      display: flex;
      align-items: center;
      gap: 12px;
      min-width: 200px;
      padding: 6px 0;
    }
    .ap-branch {
      color: var(--mat-sys-on-surface-variant);
    }
    .ap-secondary {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeliverablesTable {
  readonly deliverables = input.required<DeliverableSummaryDto[]>();
  readonly label = input($localize`Deliverables`);
  /** Order as a tree of masters and their cut-downs. */
  readonly lineage = input(false);
  readonly showStep = input(false);
  /** The list's sort; without one the headers do not sort. */
  readonly sort = input<ListSort | null>(null);
  readonly sortChange = output<SortChange>();

  /** Still owed: its due date matters to someone. */
  protected readonly isOpen = (status: DeliverableStatus): boolean =>
    status !== 'approved' && status !== 'published' && status !== 'rejected';
  protected readonly rows = computed<LineageRow[]>(() =>
    this.lineage()
      ? lineageRows(this.deliverables())
      : this.deliverables().map((deliverable) => ({ deliverable, depth: 0, master: null })),
  );
  protected readonly columns = computed(() => omitColumns(COLUMNS, !this.showStep() && 'step'));
}
