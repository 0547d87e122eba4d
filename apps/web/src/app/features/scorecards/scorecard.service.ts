import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AgencyScorecardDto,
  AgencyScorecardQuery,
  ScorecardPage,
  ScorecardQuery,
} from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';
import { toHttpParams } from '../../core/http/query-params';

/** /api/scorecards: agencies compared for a quarter, and one agency's trend. Errors show inline. */
@Injectable({ providedIn: 'root' })
export class ScorecardService {
  private readonly http = inject(HttpClient);

  list(query: ScorecardQuery = {}): Observable<ScorecardPage> {
    return this.http.get<ScorecardPage>('/api/scorecards', {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }

  agency(agencyId: string, query: AgencyScorecardQuery = {}): Observable<AgencyScorecardDto> {
    return this.http.get<AgencyScorecardDto>(`/api/scorecards/agencies/${encodeURIComponent(agencyId)}`, {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }
}
