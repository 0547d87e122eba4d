import { DueRelativePipe, LocalDatePipe } from '../../shared/format/local-date.pipe';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { Channel, DeliverableStatus, DeliverableSummaryDto } from '@agency-portal/shared';
import { CHANNEL_LABELS, DELIVERABLE_STATUS_LABELS } from '../../shared/i18n/labels';
import type { ListSort, SortChange } from '../../shared/list/list-query-state';
import { StatusChip, type StatusTone } from '../../shared/ui/status-chip';
import { DELIVERABLE_STATUS_TONES } from './deliverable-labels';
import { DeliverableThumbnail } from './deliverable-thumbnail';
import { type LineageRow, lineageRows } from './lineage';

/**
 * Deliverables with their status. With `lineage`, cut-downs sit indented under the master they
 * were cut from ("Cut from …"); with `showStep`, the approval step awaiting a decision.
 */
@Component({
  selector: 'ap-deliverables-table',
  imports: [
    DeliverableThumbnail,
    DueRelativePipe,
    LocalDatePipe,
    MatSortModule,
    MatTableModule,
    RouterLink,
    StatusChip,
  ],
  template: `
    <div class="ap-table-wrap">
      <table
        mat-table
        [dataSource]="rows()"
        [attr.aria-label]="label()"
        matSort
        matSortDisableClear
        [matSortActive]="sort()?.key ?? ''"
        [matSortDirection]="sort()?.direction ?? ''"
        [matSortDisabled]="!sort()"
        (matSortChange)="sortChange.emit($event)"
      >
        <ng-container matColumnDef="title">
          <th
            i18n
            mat-header-cell
            *matHeaderCellDef
            scope="col"
            mat-sort-header="title"
            sortActionDescription="Sort by this column"
            i18n-sortActionDescription="@@list.sortByColumn"
          >
            Deliverable
          </th>
          <td mat-cell *matCellDef="let row" [style.padding-left.px]="16 + row.depth * 24">
            <div class="ap-deliverable">
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
          </td>
        </ng-container>
        <ng-container matColumnDef="code">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Rate card item</th>
          <td mat-cell *matCellDef="let row">
            @if (row.deliverable.rateCardCode) {
              <code>{{ row.deliverable.rateCardCode }}</code>
            } @else {
              —
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="channel">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Channel</th>
          <td mat-cell *matCellDef="let row">
            {{ channelLabel(row.deliverable.channel) }}
          </td>
        </ng-container>
        <ng-container matColumnDef="dueDate">
          <th
            i18n
            mat-header-cell
            *matHeaderCellDef
            scope="col"
            mat-sort-header="dueDate"
            sortActionDescription="Sort by this column"
            i18n-sortActionDescription="@@list.sortByColumn"
          >
            Due date
          </th>
          <td mat-cell *matCellDef="let row">
            {{ row.deliverable.dueDate | localDate: 'date' }}
            @if (isOpen(row.deliverable.status)) {
              <div class="ap-secondary">{{ row.deliverable.dueDate | dueRelative }}</div>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="version">
          <th i18n mat-header-cell *matHeaderCellDef scope="col" class="ap-number">Version</th>
          <td mat-cell *matCellDef="let row" class="ap-number">
            {{ row.deliverable.latestVersionNumber ?? '—' }}
          </td>
        </ng-container>
        <ng-container matColumnDef="step">
          <th i18n mat-header-cell *matHeaderCellDef scope="col" class="ap-number">Step</th>
          <td mat-cell *matCellDef="let row" class="ap-number">
            {{ row.deliverable.currentStep === null ? '—' : row.deliverable.currentStep + 1 }}
            @if (row.deliverable.stepDueAt; as stepDueAt) {
              <div class="ap-secondary" data-testid="step-due">{{ stepDueAt | dueRelative }}</div>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Status</th>
          <td mat-cell *matCellDef="let row">
            <ap-status-chip
              [label]="statusLabel(row.deliverable.status)"
              [tone]="statusTone(row.deliverable.status)"
            />
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let row; columns: columns()"></tr>
      </table>
    </div>
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

  protected readonly channelLabel = (channel: Channel | null): string =>
    channel ? CHANNEL_LABELS[channel] : '—';
  protected readonly statusLabel = (status: DeliverableStatus): string => DELIVERABLE_STATUS_LABELS[status];
  /** Still owed: its due date matters to someone. */
  protected readonly isOpen = (status: DeliverableStatus): boolean =>
    status !== 'approved' && status !== 'published' && status !== 'rejected';
  protected readonly statusTone = (status: DeliverableStatus): StatusTone => DELIVERABLE_STATUS_TONES[status];
  protected readonly rows = computed<LineageRow[]>(() =>
    this.lineage()
      ? lineageRows(this.deliverables())
      : this.deliverables().map((deliverable) => ({ deliverable, depth: 0, master: null })),
  );
  protected readonly columns = computed(() => [
    'title',
    'code',
    'channel',
    'dueDate',
    'version',
    ...(this.showStep() ? ['step'] : []),
    'status',
  ]);
}
