import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { OutboxListQuery, OutboxMessageDto, Page } from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';
import { toHttpParams } from '../../core/http/query-params';

/** /api/mail-outbox: every e-mail the portal sent or tried to send. */
@Injectable({ providedIn: 'root' })
export class OutboxService {
  private readonly http = inject(HttpClient);

  list(query: OutboxListQuery = {}): Observable<Page<OutboxMessageDto>> {
    return this.http.get<Page<OutboxMessageDto>>('/api/mail-outbox', {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }
}
