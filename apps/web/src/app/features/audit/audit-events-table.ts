import { JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { AuditEventDto } from '@agency-portal/shared';
import { ListPipe } from '../../shared/format/list.pipe';
import type { ListSort, SortChange } from '../../shared/list/list-query-state';
import { DataTable, TableCellDef, TableRowDetailDef } from '../../shared/table/data-table';
import { type TableColumn, codeCell, dateCell, textCell } from '../../shared/table/table-column';
import { auditEntityLabel, changedKeys } from './audit-labels';

const COLUMNS: readonly TableColumn<AuditEventDto>[] = [
  {
    id: 'at',
    header: $localize`When`,
    sort: 'at',
    start: 'desc',
    cell: dateCell((event) => event.at, 'dateTime'),
  },
  { id: 'actor', header: $localize`Actor` },
  { id: 'action', header: $localize`Action`, cell: codeCell((event) => event.action) },
  { id: 'entity', header: $localize`Entity`, cell: textCell((event) => auditEntityLabel(event.entity)) },
  { id: 'entityId', header: $localize`Entity id` },
  { id: 'expand', header: $localize`Changes`, headerHidden: true, cellClass: 'ap-actions-cell' },
];

/** Audit events; each row expands to its before and after state side by side. */
@Component({
  selector: 'ap-audit-events-table',
  imports: [DataTable, JsonPipe, ListPipe, MatButtonModule, TableCellDef, TableRowDetailDef],
  templateUrl: './audit-events-table.html',
  styleUrl: './audit-events-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditEventsTable {
  readonly events = input.required<AuditEventDto[]>();
  /** The list's sort; without one the headers do not sort. */
  readonly sort = input<ListSort | null>(null);
  readonly sortChange = output<SortChange>();

  protected readonly columns = COLUMNS;
  protected readonly label = $localize`Audit events`;
  protected readonly expandedId = signal<string | null>(null);
  protected readonly isExpanded = (event: AuditEventDto): boolean => this.expandedId() === event.id;
  protected readonly changedKeys = changedKeys;

  protected toggleChanges(event: AuditEventDto): void {
    this.expandedId.update((current) => (current === event.id ? null : event.id));
  }
}
