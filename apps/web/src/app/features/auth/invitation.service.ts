import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { SetPasswordRequest } from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';

/**
 * What GET /api/auth/invitations/:token answers. Not in @agency-portal/shared yet, so it is
 * declared here.
 */
export interface InvitationPreview {
  email: string;
  name: string;
}

/** The public invitation endpoints used before the invited person has a password. */
@Injectable({ providedIn: 'root' })
export class InvitationService {
  private readonly http = inject(HttpClient);

  getInvitation(token: string): Observable<InvitationPreview> {
    return this.http.get<InvitationPreview>(`/api/auth/invitations/${encodeURIComponent(token)}`, {
      context: silentErrors(),
    });
  }

  setPassword(request: SetPasswordRequest): Observable<void> {
    return this.http.post<void>('/api/auth/set-password', request, { context: silentErrors() });
  }
}
