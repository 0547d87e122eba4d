import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditEventDto, AuditQuery, Page } from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';

/** /api/audit-events (admins only). */
@Injectable({ providedIn: 'root' })
export class AuditService {
  private readonly http = inject(HttpClient);

  list(query: AuditQuery): Observable<Page<AuditEventDto>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') {
        params = params.set(key, String(value));
      }
    }
    return this.http.get<Page<AuditEventDto>>('/api/audit-events', {
      params,
      context: silentErrors(),
    });
  }
}
