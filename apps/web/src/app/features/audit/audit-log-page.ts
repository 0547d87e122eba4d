import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { AuditQuery } from '@agency-portal/shared';
import { AUDIT_ENTITIES, AUDIT_SORT_KEYS } from '@agency-portal/shared';
import { Lookups } from '../../core/lookups/lookups';
import { LookupField } from '../../shared/forms/lookup-field';
import { ListFilters } from '../../shared/list/list-filters';
import { createListLoader } from '../../shared/list/list-loader';
import { isoDate, listQueryState, oneOf, uuid } from '../../shared/list/list-query-state';
import { ListView } from '../../shared/list/list-view';
import { AUDIT_ENTITY_LABELS } from './audit-labels';
import { AuditEventsTable } from './audit-events-table';
import { AuditService } from './audit.service';

/**
 * The instants of a range of calendar days as the person reads them (from the start of the first
 * day to the end of the last, in this device's time zone).
 */
export function dayRange(from: string | undefined, to: string | undefined): Pick<AuditQuery, 'from' | 'to'> {
  const start = from ? new Date(`${from}T00:00:00`) : null;
  const end = to ? new Date(`${to}T00:00:00`) : null;
  end?.setDate(end.getDate() + 1);
  end?.setMilliseconds(-1);
  return { from: start?.toISOString(), to: end?.toISOString() };
}

/** /audit: every change, newest first, filtered by entity, action, actor and days in the URL. */
@Component({
  selector: 'ap-audit-log-page',
  imports: [
    AuditEventsTable,
    ListFilters,
    ListView,
    LookupField,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  templateUrl: './audit-log-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLogPage {
  private readonly audit = inject(AuditService);
  protected readonly lookups = inject(Lookups);

  protected readonly entities = AUDIT_ENTITIES;
  protected readonly entityLabels = AUDIT_ENTITY_LABELS;
  protected readonly list = listQueryState({
    filters: ['entity', 'entityId', 'action', 'actorId', 'from', 'to'] as const,
    textFilters: ['action'],
    sortKeys: AUDIT_SORT_KEYS,
    defaultSort: '-at',
  });
  protected readonly events = createListLoader(
    this.list,
    (filters): AuditQuery => ({
      entity: oneOf(AUDIT_ENTITIES, filters.entity),
      entityId: uuid(filters.entityId),
      action: filters.action || undefined,
      actorId: uuid(filters.actorId),
      ...dayRange(isoDate(filters.from), isoDate(filters.to)),
    }),
    (query) => this.audit.list(query),
  );
}
