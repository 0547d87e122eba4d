import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { SessionUser, UpdateProfileRequest } from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';

@Injectable({ providedIn: 'root' })
export class ProfileService {
  private readonly http = inject(HttpClient);

  update(request: UpdateProfileRequest): Observable<SessionUser> {
    return this.http.patch<SessionUser>('/api/profile', request, { context: silentErrors() });
  }
}
