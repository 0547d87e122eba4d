import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, Router } from '@angular/router';
import { BRIEF_SORT_KEYS, BRIEF_STATUSES } from '@agency-portal/shared';
import { BRIEF_STATUS_LABELS } from '../../shared/i18n/labels';
import { DateRangeFilter, LookupFilter, StatusFilter } from '../../shared/list/filter-fields';
import { ListFilters } from '../../shared/list/list-filters';
import { createListPage, listViewer, oneOfThese } from '../../shared/list/list-page';
import { isoDate, uuid } from '../../shared/list/list-query-state';
import { ListView } from '../../shared/list/list-view';
import { BriefService } from './brief.service';
import { BriefsTable } from './briefs-table';

/** /briefs: the briefs, searchable by title or contract reference, filtered through the URL. */
@Component({
  selector: 'ap-brief-list-page',
  imports: [BriefsTable, DateRangeFilter, ListFilters, ListView, LookupFilter, MatButtonModule, StatusFilter],
  templateUrl: './brief-list-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BriefListPage {
  private readonly briefService = inject(BriefService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly viewer = listViewer();

  protected readonly statuses = BRIEF_STATUSES;
  protected readonly statusLabels = BRIEF_STATUS_LABELS;
  protected readonly canManage = this.viewer.can('brief:manage');
  protected readonly isAgencyUser = this.viewer.isAgencyUser;
  protected readonly showContractFilter = this.viewer.can('contract:read');
  protected readonly showAgencyFilter = this.viewer.inHouseCan('agency:read');

  protected readonly list = createListPage(
    {
      contractId: uuid,
      agencyId: uuid,
      status: oneOfThese(BRIEF_STATUSES),
      dueFrom: isoDate,
      dueTo: isoDate,
      goalId: uuid,
    },
    {
      sortKeys: BRIEF_SORT_KEYS,
      defaultSort: 'dueDate',
      load: (query) => this.briefService.list(query),
    },
  );

  protected openNewBrief(): void {
    void this.router.navigate(['new'], {
      relativeTo: this.route,
      queryParams: { contractId: uuid(this.list.filters().contractId) ?? null },
    });
  }
}
