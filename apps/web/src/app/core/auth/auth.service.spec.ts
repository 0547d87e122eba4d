import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { aLoginResponse, aSessionUser } from '../../testing/fixtures';
import { AuthService } from './auth.service';

const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };

describe('AuthService', () => {
  let auth: AuthService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    auth = TestBed.inject(AuthService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function signIn(token: string): Promise<void> {
    const login = firstValueFrom(auth.login({ email: 'ada@brand.test', password: 'secret' }));
    http.expectOne('/api/auth/login').flush(aLoginResponse(token));
    await login;
  }

  it('should store the access token and user when login succeeds', async () => {
    const login = firstValueFrom(auth.login({ email: 'ada@brand.test', password: 'correct horse' }));

    const request = http.expectOne('/api/auth/login');
    request.flush(aLoginResponse('token-1'));

    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'ada@brand.test', password: 'correct horse' });
    await expect(login).resolves.toEqual(aSessionUser());
    expect(auth.accessToken()).toBe('token-1');
    expect(auth.user()).toEqual(aSessionUser());
    expect(auth.isSignedIn()).toBe(true);
  });

  it('should stay signed out when login answers 401', async () => {
    const login = firstValueFrom(auth.login({ email: 'ada@brand.test', password: 'wrong' }));

    http
      .expectOne('/api/auth/login')
      .flush({ code: 'invalid_credentials', message: 'Email or password is incorrect.' }, UNAUTHORIZED);

    await expect(login).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(auth.accessToken()).toBeNull();
    expect(auth.isSignedIn()).toBe(false);
  });

  it('should replace the token when refresh succeeds', async () => {
    await signIn('token-1');

    const refresh = firstValueFrom(auth.refresh());
    http.expectOne('/api/auth/refresh').flush(aLoginResponse('token-2'));

    await expect(refresh).resolves.toBe('token-2');
    expect(auth.accessToken()).toBe('token-2');
  });

  it('should clear the token when refresh fails', async () => {
    await signIn('token-1');

    const refresh = firstValueFrom(auth.refresh());
    http
      .expectOne('/api/auth/refresh')
      .flush({ code: 'session_expired', message: 'Your session has expired.' }, UNAUTHORIZED);

    await expect(refresh).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(auth.accessToken()).toBeNull();
    expect(auth.user()).toBeNull();
  });

  it('should send a single refresh request when several callers refresh at once', async () => {
    const first = firstValueFrom(auth.refresh());
    const second = firstValueFrom(auth.refresh());

    http.expectOne('/api/auth/refresh').flush(aLoginResponse('token-2'));

    await expect(Promise.all([first, second])).resolves.toEqual(['token-2', 'token-2']);
  });

  it('should restore the session when the refresh cookie is valid at start-up', async () => {
    const restore = auth.restoreSession();

    const request = http.expectOne('/api/auth/refresh');
    request.flush(aLoginResponse('token-3'));
    await restore;

    expect(auth.isSignedIn()).toBe(true);
    expect(auth.accessToken()).toBe('token-3');
  });

  it('should resolve signed out when there is no session to restore at start-up', async () => {
    const restore = auth.restoreSession();

    http
      .expectOne('/api/auth/refresh')
      .flush({ code: 'session_expired', message: 'Your session has expired.' }, UNAUTHORIZED);

    await expect(restore).resolves.toBeUndefined();
    expect(auth.isSignedIn()).toBe(false);
  });

  it('should clear the session when logout fails on the server', async () => {
    await signIn('token-1');

    const logout = firstValueFrom(auth.logout());
    http.expectOne('/api/auth/logout').flush(null, { status: 500, statusText: 'Server Error' });
    await logout;

    expect(auth.isSignedIn()).toBe(false);
  });

  it('should tell permissions by role when signed in', async () => {
    await signIn('token-1');

    expect(auth.hasPermission('audit:read')).toBe(true);
  });

  it('should grant no permission when signed out', () => {
    expect(auth.hasPermission('agency:read')).toBe(false);
  });
});
