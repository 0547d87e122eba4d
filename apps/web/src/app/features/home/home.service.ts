import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { HomeDto, HomeItemDto, HomeQueueKey, Page } from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';

/** /api/home: the signed-in person's queues. Errors show on the page, so they stay quiet here. */
@Injectable({ providedIn: 'root' })
export class HomeService {
  private readonly http = inject(HttpClient);

  home(): Observable<HomeDto> {
    return this.http.get<HomeDto>('/api/home', { context: silentErrors() });
  }

  /** The rows of one queue after `cursor`. */
  more(key: HomeQueueKey, cursor: string, limit = 25): Observable<Page<HomeItemDto>> {
    return this.http.get<Page<HomeItemDto>>(`/api/home/queues/${encodeURIComponent(key)}`, {
      context: silentErrors(),
      params: { cursor, limit },
    });
  }
}
