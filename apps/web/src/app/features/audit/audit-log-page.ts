import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import type { AuditQuery } from '@agency-portal/shared';
import { AUDIT_ENTITIES, DEFAULT_PAGE_SIZE } from '@agency-portal/shared';
import { debounceTime, map, tap } from 'rxjs';
import { createLoader } from '../../core/data/loader';
import { LoadError } from '../../shared/ui/load-error';
import { UserService } from '../users/user.service';
import { AUDIT_ENTITY_LABELS } from './audit-labels';
import { AuditEventsTable } from './audit-events-table';
import { AuditService } from './audit.service';

interface AuditFilters {
  entity: string;
  action: string;
  actorId: string;
  from: Date | null;
  to: Date | null;
}

/** Start of the first day to end of the last day, in the user's time zone, as ISO instants. */
export function toAuditQuery(filters: AuditFilters): AuditQuery {
  const to = filters.to ? new Date(filters.to) : null;
  if (to) {
    to.setHours(0, 0, 0, 0);
    to.setDate(to.getDate() + 1);
    to.setMilliseconds(-1);
  }
  const from = filters.from ? new Date(filters.from) : null;
  from?.setHours(0, 0, 0, 0);
  return {
    entity: filters.entity || undefined,
    action: filters.action.trim() || undefined,
    actorId: filters.actorId || undefined,
    from: from?.toISOString(),
    to: to?.toISOString(),
  };
}

@Component({
  selector: 'ap-audit-log-page',
  imports: [
    AuditEventsTable,
    LoadError,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  providers: [provideNativeDateAdapter()],
  templateUrl: './audit-log-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLogPage {
  private readonly audit = inject(AuditService);
  private readonly userService = inject(UserService);

  protected readonly entities = AUDIT_ENTITIES;
  protected readonly entityLabels = AUDIT_ENTITY_LABELS;
  protected readonly pageSizeOptions = [10, 25, 50, 100];
  protected readonly filters = new FormGroup({
    entity: new FormControl('', { nonNullable: true }),
    action: new FormControl('', { nonNullable: true }),
    actorId: new FormControl('', { nonNullable: true }),
    from: new FormControl<Date | null>(null),
    to: new FormControl<Date | null>(null),
  });
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  private readonly filterValues = toSignal(
    this.filters.valueChanges.pipe(
      debounceTime(300),
      map(() => this.filters.getRawValue()),
      // New filters show their first page.
      tap(() => this.pageIndex.set(0)),
    ),
    { initialValue: this.filters.getRawValue() },
  );
  private readonly query = computed<AuditQuery>(() => ({
    ...toAuditQuery(this.filterValues()),
    page: this.pageIndex() + 1,
    pageSize: this.pageSize(),
  }));
  protected readonly hasFilters = computed(() => {
    return Object.values(toAuditQuery(this.filterValues())).some((value) => value !== undefined);
  });
  protected readonly events = createLoader(
    () => this.query(),
    (query) => this.audit.list(query),
  );
  protected readonly actors = createLoader(
    () => true,
    () => this.userService.list(),
  );
  protected readonly sortedActors = computed(() =>
    [...(this.actors.value() ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
  );

  protected changePage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected clearFilters(): void {
    this.filters.reset();
  }
}
