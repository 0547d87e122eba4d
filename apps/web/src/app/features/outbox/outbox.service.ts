import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { OutboxMessageDto } from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';

/** /api/mail-outbox: every e-mail the portal sent or tried to send. */
@Injectable({ providedIn: 'root' })
export class OutboxService {
  private readonly http = inject(HttpClient);

  list(): Observable<OutboxMessageDto[]> {
    return this.http.get<OutboxMessageDto[]>('/api/mail-outbox', { context: silentErrors() });
  }
}
