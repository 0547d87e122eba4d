import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { LoginRequest, LoginResponse, Permission, SessionUser } from '@agency-portal/shared';
import { can } from '@agency-portal/shared';
import {
  type Observable,
  catchError,
  finalize,
  firstValueFrom,
  map,
  of,
  shareReplay,
  tap,
  timeout,
} from 'rxjs';
import { silentErrors } from '../http/http-context';

interface Session {
  accessToken: string;
  user: SessionUser;
}

/** How long the app waits at start-up for the silent refresh before showing sign-in. */
const RESTORE_TIMEOUT_MS = 10_000;

/**
 * The signed-in session. The access token lives only in memory (a signal); the refresh
 * token is an httpOnly cookie the browser sends to /api/auth, so a reload restores the
 * session through {@link restoreSession}.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly session = signal<Session | null>(null);
  private refreshInFlight: Observable<string> | null = null;

  readonly accessToken = computed(() => this.session()?.accessToken ?? null);
  readonly user = computed(() => this.session()?.user ?? null);
  readonly isSignedIn = computed(() => this.session() !== null);

  login(credentials: LoginRequest): Observable<SessionUser> {
    return this.http.post<LoginResponse>('/api/auth/login', credentials, { context: silentErrors() }).pipe(
      tap((response) => this.storeSession(response)),
      map((response) => response.user),
    );
  }

  /**
   * Exchanges the refresh cookie for a new access token. Callers arriving while a refresh is
   * under way share it. When the session has ended it is cleared; the error is passed on.
   */
  refresh(): Observable<string> {
    if (!this.refreshInFlight) {
      this.refreshInFlight = this.http
        .post<LoginResponse>('/api/auth/refresh', null, { context: silentErrors() })
        .pipe(
          tap({
            next: (response) => this.storeSession(response),
            // Only an ended session signs the person out; an unavailable service (503) or an
            // unreachable network keeps them signed in, to try again.
            error: (error: unknown) => {
              if (sessionHasEnded(error)) this.clearSession();
            },
          }),
          map((response) => response.accessToken),
          finalize(() => {
            this.refreshInFlight = null;
          }),
          shareReplay({ bufferSize: 1, refCount: false }),
        );
    }
    return this.refreshInFlight;
  }

  /** Run once at start-up: signs the user back in from the refresh cookie, if there is one. */
  async restoreSession(): Promise<void> {
    try {
      await firstValueFrom(this.refresh().pipe(timeout(RESTORE_TIMEOUT_MS)));
    } catch {
      // No valid refresh cookie (or no server): the user signs in again.
      this.clearSession();
    }
  }

  /** Revokes the session on the server; the local session ends whatever the server says. */
  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', null, { context: silentErrors() }).pipe(
      catchError(() => of(undefined)),
      map(() => undefined),
      tap(() => this.clearSession()),
    );
  }

  /** Whether the signed-in user holds `permission`. Reads signals, so works inside computed(). */
  hasPermission(permission: Permission): boolean {
    const user = this.user();
    return user !== null && can(user.role, permission);
  }

  /** After the person edited their profile: the session shows the new name, language and zone. */
  updateUser(user: SessionUser): void {
    const session = this.session();
    if (session) this.session.set({ ...session, user });
  }

  clearSession(): void {
    this.session.set(null);
  }

  private storeSession(response: LoginResponse): void {
    this.session.set({ accessToken: response.accessToken, user: response.user });
  }
}

/** The server said the session is over (401/400), as opposed to being unavailable or unreachable. */
export function sessionHasEnded(error: unknown): boolean {
  return error instanceof HttpErrorResponse && (error.status === 401 || error.status === 400);
}
