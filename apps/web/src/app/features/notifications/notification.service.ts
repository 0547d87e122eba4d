import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { NotificationListDto } from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';

/** /api/notifications: the signed-in user's in-app notices. */
@Injectable({ providedIn: 'root' })
export class NotificationService {
  private readonly http = inject(HttpClient);

  /** Polled in the background, so failures stay quiet. */
  list(): Observable<NotificationListDto> {
    return this.http.get<NotificationListDto>('/api/notifications', { context: silentErrors() });
  }

  markRead(id: string): Observable<void> {
    return this.http.post<void>(`/api/notifications/${encodeURIComponent(id)}/read`, null);
  }

  markAllRead(): Observable<void> {
    return this.http.post<void>('/api/notifications/read-all', null);
  }
}
