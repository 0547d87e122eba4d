import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateGoalRequest,
  GoalDetailDto,
  GoalDto,
  GoalListQuery,
  Page,
  UpdateGoalRequest,
} from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';
import { toHttpParams } from '../../core/http/query-params';

/** /api/goals. Reads and form saves report errors inline, so they are silent here. */
@Injectable({ providedIn: 'root' })
export class GoalService {
  private readonly http = inject(HttpClient);

  list(query: GoalListQuery = {}): Observable<Page<GoalDto>> {
    return this.http.get<Page<GoalDto>>('/api/goals', {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }

  get(id: string): Observable<GoalDetailDto> {
    return this.http.get<GoalDetailDto>(`/api/goals/${encodeURIComponent(id)}`, { context: silentErrors() });
  }

  create(request: CreateGoalRequest): Observable<GoalDto> {
    return this.http.post<GoalDto>('/api/goals', request, { context: silentErrors() });
  }

  update(id: string, request: UpdateGoalRequest): Observable<GoalDto> {
    return this.http.patch<GoalDto>(`/api/goals/${encodeURIComponent(id)}`, request, {
      context: silentErrors(),
    });
  }
}
