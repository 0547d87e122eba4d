import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { OutboxMessageDto } from '@agency-portal/shared';
import { OUTBOX_SORT_KEYS, OUTBOX_STATUSES } from '@agency-portal/shared';
import { ListFilters } from '../../shared/list/list-filters';
import { createListLoader } from '../../shared/list/list-loader';
import { listQueryState, oneOf } from '../../shared/list/list-query-state';
import { ListView } from '../../shared/list/list-view';
import { DataTable, TableCellDef, TableRowDetailDef } from '../../shared/table/data-table';
import { type TableColumn, dateCell, statusCell, textCell } from '../../shared/table/table-column';
import type { StatusTone } from '../../shared/ui/status-chip';
import { OutboxService } from './outbox.service';

type OutboxStatus = OutboxMessageDto['status'];

const STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: $localize`:State of an outgoing e-mail@@mailStatus.pending:Pending`,
  sent: $localize`:State of an outgoing e-mail@@mailStatus.sent:Sent`,
  not_sent: $localize`:State of an outgoing e-mail@@mailStatus.not_sent:Not sent (no mail server)`,
  failed: $localize`:State of an outgoing e-mail@@mailStatus.failed:Failed`,
};

const STATUS_TONES: Record<OutboxStatus, StatusTone> = {
  pending: 'pending',
  sent: 'active',
  not_sent: 'neutral',
  failed: 'inactive',
};

const COLUMNS: readonly TableColumn<OutboxMessageDto>[] = [
  {
    id: 'time',
    header: $localize`Time`,
    sort: 'createdAt',
    start: 'desc',
    cell: dateCell((message) => message.createdAt, 'dateTime'),
  },
  { id: 'to', header: $localize`To`, cell: textCell((message) => message.to) },
  { id: 'subject', header: $localize`Subject`, cell: textCell((message) => message.subject) },
  {
    id: 'status',
    header: $localize`Status`,
    cell: statusCell(
      (message) => STATUS_LABELS[message.status],
      (message) => STATUS_TONES[message.status],
    ),
  },
  { id: 'body', header: $localize`Body`, headerHidden: true },
];

/** /outbox: the e-mails the portal sent or tried to send, newest first, each body on demand. */
@Component({
  selector: 'ap-outbox-page',
  imports: [
    DataTable,
    ListFilters,
    ListView,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    ReactiveFormsModule,
    TableCellDef,
    TableRowDetailDef,
  ],
  template: `
    <section class="ap-page">
      <header class="ap-page-header">
        <div>
          <h1 i18n>Mail outbox</h1>
          <p i18n class="ap-subtitle">
            Every e-mail the portal sent or tried to send. Without a mail server, they wait here.
          </p>
        </div>
        <div class="ap-page-header__actions">
          <button
            i18n
            matButton="outlined"
            type="button"
            [disabled]="messages.loading()"
            (click)="messages.reload()"
          >
            Refresh
          </button>
        </div>
      </header>
      <ap-list-filters
        [list]="list"
        label="Filter the outbox"
        i18n-label="@@outbox.filter"
        searchLabel="Search"
        i18n-searchLabel
        searchPlaceholder="Recipient or subject"
        i18n-searchPlaceholder="@@outbox.searchPlaceholder"
      >
        <mat-form-field>
          <mat-label i18n>Status</mat-label>
          <mat-select [formControl]="list.form.controls.status">
            <mat-option i18n value="">Any status</mat-option>
            @for (status of statuses; track status) {
              <mat-option [value]="status">{{ statusLabel(status) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </ap-list-filters>
      <ap-list-view [list]="list" [loader]="messages" loadingLabel="Loading the outbox" i18n-loadingLabel>
        <p listEmpty i18n>No e-mail has been sent yet.</p>
        <ap-data-table
          [rows]="messages.items()"
          [columns]="columns"
          [label]="label"
          [sort]="list.sortState()"
          [detailOpen]="isExpanded"
          (sortChange)="list.setSort($event)"
        >
          <ng-template apCell="body" [apCellOf]="messages.items()" let-message>
            <button
              matButton
              type="button"
              class="ap-body-toggle"
              [attr.aria-expanded]="expandedId() === message.id"
              [attr.aria-controls]="'outbox-body-' + message.id"
              (click)="toggleBody(message.id)"
            >
              @if (expandedId() === message.id) {
                <ng-container i18n>Hide body</ng-container>
              } @else {
                <ng-container i18n>Show body</ng-container>
              }
            </button>
          </ng-template>
          <ng-template apRowDetail [apRowDetailOf]="messages.items()" let-message>
            <div [attr.id]="'outbox-body-' + message.id">
              @if (message.error) {
                <p [class]="message.status === 'failed' ? 'ap-form-error' : 'ap-hint'">
                  @if (message.status === 'failed') {
                    <ng-container i18n>Sending failed: {{ message.error }}</ng-container>
                  } @else {
                    {{ message.error }}
                  }
                </p>
              }
              <pre class="ap-body">{{ message.body }}</pre>
            </div>
          </ng-template>
        </ap-data-table>
      </ap-list-view>
    </section>
  `,
  styles: `
    .ap-body-toggle {
      white-space: nowrap;
    }
    .ap-body {
      margin: 0 0 12px;
      padding: 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
      white-space: pre-wrap;
      word-break: break-word;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutboxPage {
  private readonly outbox = inject(OutboxService);

  protected readonly statusLabel = (status: OutboxStatus): string => STATUS_LABELS[status];
  protected readonly columns = COLUMNS;
  protected readonly label = $localize`Mail outbox`;
  protected readonly statuses = OUTBOX_STATUSES;
  protected readonly list = listQueryState({
    filters: ['status'] as const,
    sortKeys: OUTBOX_SORT_KEYS,
    defaultSort: '-createdAt',
  });
  protected readonly messages = createListLoader(
    this.list,
    (filters) => ({ status: oneOf(OUTBOX_STATUSES, filters.status) }),
    (query) => this.outbox.list(query),
  );
  protected readonly expandedId = signal<string | null>(null);
  protected readonly isExpanded = (message: OutboxMessageDto): boolean => this.expandedId() === message.id;

  protected toggleBody(id: string): void {
    this.expandedId.update((current) => (current === id ? null : id));
  }
}
