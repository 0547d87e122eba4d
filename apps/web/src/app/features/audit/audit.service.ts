import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditEventDto, AuditQuery, Page } from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';
import { toHttpParams } from '../../core/http/query-params';

/** /api/audit-events (admins only). */
@Injectable({ providedIn: 'root' })
export class AuditService {
  private readonly http = inject(HttpClient);

  list(query: AuditQuery): Observable<Page<AuditEventDto>> {
    return this.http.get<Page<AuditEventDto>>('/api/audit-events', {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }
}
