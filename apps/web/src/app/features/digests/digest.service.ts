import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  DigestSubscriptionDto,
  DigestSubscriptionInput,
  DigestSubscriptionQuery,
  Page,
} from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';
import { toHttpParams } from '../../core/http/query-params';

/** /api/digest-subscriptions: the signed-in person's weekly digests. Errors show where the control is. */
@Injectable({ providedIn: 'root' })
export class DigestService {
  private readonly http = inject(HttpClient);

  list(query: DigestSubscriptionQuery = {}): Observable<Page<DigestSubscriptionDto>> {
    return this.http.get<Page<DigestSubscriptionDto>>('/api/digest-subscriptions', {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }

  subscribe(input: DigestSubscriptionInput): Observable<DigestSubscriptionDto> {
    return this.http.post<DigestSubscriptionDto>('/api/digest-subscriptions', input, {
      context: silentErrors(),
    });
  }

  unsubscribe(id: string): Observable<void> {
    return this.http.delete<void>(`/api/digest-subscriptions/${encodeURIComponent(id)}`, {
      context: silentErrors(),
    });
  }
}
