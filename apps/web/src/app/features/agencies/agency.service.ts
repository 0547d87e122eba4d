import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AgencyDto,
  AgencyStatus,
  CreateAgencyRequest,
  UpdateAgencyRequest,
} from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';

/**
 * /api/agencies. Reads and form saves report errors inline (silent here); offboard and
 * reactivate rely on the error snackbar.
 */
@Injectable({ providedIn: 'root' })
export class AgencyService {
  private readonly http = inject(HttpClient);

  list(status?: AgencyStatus): Observable<AgencyDto[]> {
    const params = status ? new HttpParams().set('status', status) : undefined;
    return this.http.get<AgencyDto[]>('/api/agencies', { params, context: silentErrors() });
  }

  get(id: string): Observable<AgencyDto> {
    return this.http.get<AgencyDto>(`/api/agencies/${encodeURIComponent(id)}`, {
      context: silentErrors(),
    });
  }

  create(request: CreateAgencyRequest): Observable<AgencyDto> {
    return this.http.post<AgencyDto>('/api/agencies', request, { context: silentErrors() });
  }

  update(id: string, request: UpdateAgencyRequest): Observable<AgencyDto> {
    return this.http.patch<AgencyDto>(`/api/agencies/${encodeURIComponent(id)}`, request, {
      context: silentErrors(),
    });
  }

  offboard(id: string, reason: string): Observable<AgencyDto> {
    return this.http.post<AgencyDto>(`/api/agencies/${encodeURIComponent(id)}/offboard`, {
      reason,
    });
  }

  reactivate(id: string): Observable<AgencyDto> {
    return this.http.post<AgencyDto>(`/api/agencies/${encodeURIComponent(id)}/reactivate`, null);
  }
}
