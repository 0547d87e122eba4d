import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  BriefDetailDto,
  BriefDto,
  BriefListQuery,
  BudgetOverrideRequest,
  CreateBriefRequest,
  DeclineBriefRequest,
  Page,
  UpdateBriefRequest,
} from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';
import { toHttpParams } from '../../core/http/query-params';

function briefUrl(id: string, action = ''): string {
  return `/api/briefs/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
}

/**
 * /api/briefs. Reads, form saves and accepting (whose budget refusal the page explains) report
 * errors inline; the other lifecycle actions rely on the error snackbar.
 */
@Injectable({ providedIn: 'root' })
export class BriefService {
  private readonly http = inject(HttpClient);

  list(query: BriefListQuery = {}): Observable<Page<BriefDto>> {
    return this.http.get<Page<BriefDto>>('/api/briefs', {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }

  get(id: string): Observable<BriefDetailDto> {
    return this.http.get<BriefDetailDto>(briefUrl(id), { context: silentErrors() });
  }

  create(request: CreateBriefRequest): Observable<BriefDetailDto> {
    return this.http.post<BriefDetailDto>('/api/briefs', request, { context: silentErrors() });
  }

  update(id: string, request: UpdateBriefRequest): Observable<BriefDetailDto> {
    return this.http.patch<BriefDetailDto>(briefUrl(id), request, { context: silentErrors() });
  }

  send(id: string): Observable<BriefDetailDto> {
    return this.http.post<BriefDetailDto>(briefUrl(id, 'send'), null);
  }

  overrideBudget(id: string, reason: string): Observable<BriefDetailDto> {
    const request: BudgetOverrideRequest = { reason };
    return this.http.post<BriefDetailDto>(briefUrl(id, 'budget-override'), request);
  }

  /** Silent: a refusal over the budget cap is explained on the page. */
  accept(id: string): Observable<BriefDetailDto> {
    return this.http.post<BriefDetailDto>(briefUrl(id, 'accept'), null, { context: silentErrors() });
  }

  decline(id: string, reason: string): Observable<BriefDetailDto> {
    const request: DeclineBriefRequest = { reason };
    return this.http.post<BriefDetailDto>(briefUrl(id, 'decline'), request);
  }

  cancel(id: string): Observable<BriefDetailDto> {
    return this.http.post<BriefDetailDto>(briefUrl(id, 'cancel'), null);
  }

  complete(id: string): Observable<BriefDetailDto> {
    return this.http.post<BriefDetailDto>(briefUrl(id, 'complete'), null);
  }
}
