import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  InvitationDto,
  InviteUserRequest,
  UpdateUserRequest,
  UserDto,
  UserListQuery,
} from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { silentErrors } from '../../core/http/http-context';

/** In-house staff or agency staff. Not in @agency-portal/shared's UserListQuery yet. */
export type UserKind = 'in_house' | 'agency';

export interface UserQuery extends UserListQuery {
  kind?: UserKind;
}

function toParams(query: UserQuery): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params = params.set(key, String(value));
    }
  }
  return params;
}

/**
 * /api/users. Reads and form saves report errors inline (silent here); the one-click actions
 * (deactivate, reactivate, new link) rely on the error snackbar.
 */
@Injectable({ providedIn: 'root' })
export class UserService {
  private readonly http = inject(HttpClient);

  list(query: UserQuery = {}): Observable<UserDto[]> {
    return this.http.get<UserDto[]>('/api/users', {
      params: toParams(query),
      context: silentErrors(),
    });
  }

  get(id: string): Observable<UserDto> {
    return this.http.get<UserDto>(`/api/users/${encodeURIComponent(id)}`, {
      context: silentErrors(),
    });
  }

  invite(request: InviteUserRequest): Observable<InvitationDto> {
    return this.http.post<InvitationDto>('/api/users', request, { context: silentErrors() });
  }

  update(id: string, request: UpdateUserRequest): Observable<UserDto> {
    return this.http.patch<UserDto>(`/api/users/${encodeURIComponent(id)}`, request, {
      context: silentErrors(),
    });
  }

  deactivate(id: string): Observable<UserDto> {
    return this.http.post<UserDto>(`/api/users/${encodeURIComponent(id)}/deactivate`, null);
  }

  reactivate(id: string): Observable<UserDto> {
    return this.http.post<UserDto>(`/api/users/${encodeURIComponent(id)}/reactivate`, null);
  }

  /** A new one-time set-password link for someone who has not set a password yet. */
  newInvitation(id: string): Observable<InvitationDto> {
    return this.http.post<InvitationDto>(`/api/users/${encodeURIComponent(id)}/invitation`, null);
  }
}
