import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  InvitationDto,
  InviteUserRequest,
  Page,
  UpdateUserRequest,
  UserDto,
  UserListQuery,
} from '@agency-portal/shared';
import { type Observable, tap } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';
import { toHttpParams } from '../../core/http/query-params';
import { Lookups } from '../../core/lookups/lookups';

/**
 * /api/users. Reads and form saves report errors inline (silent here); the one-click actions
 * (deactivate, reactivate, new link) rely on the error snackbar.
 */
@Injectable({ providedIn: 'root' })
export class UserService {
  private readonly http = inject(HttpClient);
  private readonly lookups = inject(Lookups);
  /** Pickers name people from a cache; a saved change must show there too. */
  private readonly changed = <T>() => tap<T>(() => this.lookups.users.invalidate());

  list(query: UserListQuery = {}): Observable<Page<UserDto>> {
    return this.http.get<Page<UserDto>>('/api/users', {
      params: toHttpParams(query),
      context: silentErrors(),
    });
  }

  get(id: string): Observable<UserDto> {
    return this.http.get<UserDto>(`/api/users/${encodeURIComponent(id)}`, {
      context: silentErrors(),
    });
  }

  invite(request: InviteUserRequest): Observable<InvitationDto> {
    return this.http
      .post<InvitationDto>('/api/users', request, { context: silentErrors() })
      .pipe(this.changed());
  }

  update(id: string, request: UpdateUserRequest): Observable<UserDto> {
    return this.http
      .patch<UserDto>(`/api/users/${encodeURIComponent(id)}`, request, { context: silentErrors() })
      .pipe(this.changed());
  }

  deactivate(id: string): Observable<UserDto> {
    return this.http
      .post<UserDto>(`/api/users/${encodeURIComponent(id)}/deactivate`, null)
      .pipe(this.changed());
  }

  reactivate(id: string): Observable<UserDto> {
    return this.http
      .post<UserDto>(`/api/users/${encodeURIComponent(id)}/reactivate`, null)
      .pipe(this.changed());
  }

  /** A new one-time set-password link for someone who has not set a password yet. */
  newInvitation(id: string): Observable<InvitationDto> {
    return this.http.post<InvitationDto>(`/api/users/${encodeURIComponent(id)}/invitation`, null);
  }
}
