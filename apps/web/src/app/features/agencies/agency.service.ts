import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AgencyDto,
  AgencyListQuery,
  CreateAgencyRequest,
  Page,
  UpdateAgencyRequest,
} from '@agency-portal/shared';
import { type Observable, tap } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';
import { toHttpParams } from '../../core/http/query-params';
import { Lookups } from '../../core/lookups/lookups';

/**
 * /api/agencies. Reads and form saves report errors inline (silent here); offboard and
 * reactivate rely on the error snackbar.
 */
@Injectable({ providedIn: 'root' })
export class AgencyService {
  private readonly http = inject(HttpClient);
  private readonly lookups = inject(Lookups);
  /** Pickers name agencies from a cache; a saved change must show there too. */
  private readonly changed = tap<AgencyDto>(() => this.lookups.agencies.invalidate());

  list(query: AgencyListQuery = {}): Observable<Page<AgencyDto>> {
    return this.http.get<Page<AgencyDto>>('/api/agencies', {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }

  get(id: string): Observable<AgencyDto> {
    return this.http.get<AgencyDto>(`/api/agencies/${encodeURIComponent(id)}`, {
      context: silentErrors(),
    });
  }

  create(request: CreateAgencyRequest): Observable<AgencyDto> {
    return this.http
      .post<AgencyDto>('/api/agencies', request, { context: silentErrors() })
      .pipe(this.changed);
  }

  update(id: string, request: UpdateAgencyRequest): Observable<AgencyDto> {
    return this.http
      .patch<AgencyDto>(`/api/agencies/${encodeURIComponent(id)}`, request, { context: silentErrors() })
      .pipe(this.changed);
  }

  offboard(id: string, reason: string): Observable<AgencyDto> {
    return this.http
      .post<AgencyDto>(`/api/agencies/${encodeURIComponent(id)}/offboard`, { reason })
      .pipe(this.changed);
  }

  reactivate(id: string): Observable<AgencyDto> {
    return this.http
      .post<AgencyDto>(`/api/agencies/${encodeURIComponent(id)}/reactivate`, null)
      .pipe(this.changed);
  }
}
