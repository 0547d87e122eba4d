import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CalendarDto, CalendarQuery } from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';
import { toHttpParams } from '../../core/http/query-params';

/** GET /api/calendar: the page shows its errors inline. */
@Injectable({ providedIn: 'root' })
export class CalendarService {
  private readonly http = inject(HttpClient);

  read(query: CalendarQuery): Observable<CalendarDto> {
    return this.http.get<CalendarDto>('/api/calendar', {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }
}
