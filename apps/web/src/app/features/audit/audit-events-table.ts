import { JsonPipe } from '@angular/common';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ListPipe } from '../../shared/format/list.pipe';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import type { ListSort, SortChange } from '../../shared/list/list-query-state';
import type { AuditEventDto } from '@agency-portal/shared';
import { auditEntityLabel, changedKeys } from './audit-labels';

/** Audit events; each row expands to its before and after state side by side. */
@Component({
  selector: 'ap-audit-events-table',
  imports: [LocalDatePipe, JsonPipe, ListPipe, MatButtonModule, MatSortModule, MatTableModule],
  templateUrl: './audit-events-table.html',
  styleUrl: './audit-events-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditEventsTable {
  readonly events = input.required<AuditEventDto[]>();
  /** The list's sort; without one the headers do not sort. */
  readonly sort = input<ListSort | null>(null);
  readonly sortChange = output<SortChange>();

  protected readonly columns = ['at', 'actor', 'action', 'entity', 'entityId', 'expand'];
  protected readonly expandedId = signal<string | null>(null);
  protected readonly entityLabel = auditEntityLabel;
  protected readonly changedKeys = changedKeys;

  protected toggleChanges(event: AuditEventDto): void {
    this.expandedId.update((current) => (current === event.id ? null : event.id));
  }
}
