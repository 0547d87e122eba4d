import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  GoalDeliverableQuery,
  GoalDeliverableRow,
  GoalOverviewQuery,
  GoalOverviewRow,
  GoalReportDto,
  Page,
} from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';
import { toHttpParams } from '../../core/http/query-params';

/** /api/goal-reports: a goal's dashboard, its master assets, and the overview of goals. Errors show inline. */
@Injectable({ providedIn: 'root' })
export class GoalReportService {
  private readonly http = inject(HttpClient);

  report(goalId: string): Observable<GoalReportDto> {
    return this.http.get<GoalReportDto>(`/api/goal-reports/${encodeURIComponent(goalId)}`, {
      context: silentErrors(),
    });
  }

  deliverables(goalId: string, query: GoalDeliverableQuery = {}): Observable<Page<GoalDeliverableRow>> {
    return this.http.get<Page<GoalDeliverableRow>>(
      `/api/goal-reports/${encodeURIComponent(goalId)}/deliverables`,
      { params: toHttpParams(query), context: silentErrors() },
    );
  }

  overview(query: GoalOverviewQuery = {}): Observable<Page<GoalOverviewRow>> {
    return this.http.get<Page<GoalOverviewRow>>('/api/goal-reports', {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }
}
