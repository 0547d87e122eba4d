import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { NotificationListDto } from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';

/** /api/notifications: the signed-in user's in-app notices. */
@Injectable({ providedIn: 'root' })
export class NotificationService {
  private readonly http = inject(HttpClient);

  /**
   * Polled in the background, so failures stay quiet. The API words notices in the person's
   * language and time zone; the device's zone stands in when their profile names none.
   */
  list(): Observable<NotificationListDto> {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return this.http.get<NotificationListDto>('/api/notifications', {
      context: silentErrors(),
      params: timeZone ? { timeZone } : {},
    });
  }

  markRead(id: string): Observable<void> {
    return this.http.post<void>(`/api/notifications/${encodeURIComponent(id)}/read`, null);
  }

  markAllRead(): Observable<void> {
    return this.http.post<void>('/api/notifications/read-all', null);
  }
}
