import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { aLoginResponse } from '../../testing/fixtures';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';

const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };
const EXPIRED = { code: 'unauthenticated', message: 'Sign in to continue.' };

describe('authInterceptor', () => {
  let client: HttpClient;
  let http: HttpTestingController;
  let auth: AuthService;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    client = TestBed.inject(HttpClient);
    http = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);

    const login = firstValueFrom(auth.login({ email: 'ada@brand.test', password: 'secret' }));
    http.expectOne('/api/auth/login').flush(aLoginResponse('token-1'));
    await login;
  });

  afterEach(() => http.verify());

  it('should add the Bearer token when calling the API while signed in', async () => {
    const response = firstValueFrom(client.get('/api/agencies'));

    const request = http.expectOne('/api/agencies');
    request.flush([]);

    expect(request.request.headers.get('Authorization')).toBe('Bearer token-1');
    await expect(response).resolves.toEqual([]);
  });

  it('should add no token when the request is not for the API', async () => {
    const response = firstValueFrom(client.get('https://cdn.example.test/logo.svg'));

    const request = http.expectOne('https://cdn.example.test/logo.svg');
    request.flush('');

    expect(request.request.headers.has('Authorization')).toBe(false);
    await response;
  });

  it('should send cookies and no token when calling the refresh endpoint', async () => {
    const refresh = firstValueFrom(auth.refresh());

    const request = http.expectOne('/api/auth/refresh');
    request.flush(aLoginResponse('token-2'));

    expect(request.request.withCredentials).toBe(true);
    expect(request.request.headers.has('Authorization')).toBe(false);
    await refresh;
  });

  it('should refresh once and retry with the new token when a request answers 401', async () => {
    const response = firstValueFrom(client.get<string[]>('/api/agencies'));

    http.expectOne('/api/agencies').flush(EXPIRED, UNAUTHORIZED);
    http.expectOne('/api/auth/refresh').flush(aLoginResponse('token-2'));
    const retried = http.expectOne('/api/agencies');
    retried.flush(['agency-1']);

    expect(retried.request.headers.get('Authorization')).toBe('Bearer token-2');
    await expect(response).resolves.toEqual(['agency-1']);
    expect(auth.accessToken()).toBe('token-2');
  });

  it('should fail without another refresh when the retried request answers 401 too', async () => {
    const response = firstValueFrom(client.get('/api/agencies'));

    http.expectOne('/api/agencies').flush(EXPIRED, UNAUTHORIZED);
    http.expectOne('/api/auth/refresh').flush(aLoginResponse('token-2'));
    http.expectOne('/api/agencies').flush(EXPIRED, UNAUTHORIZED);

    await expect(response).rejects.toMatchObject({ status: 401 });
    http.expectNone('/api/auth/refresh');
  });

  it('should clear the session and go to sign-in when the refresh fails', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const response = firstValueFrom(client.get('/api/agencies'));

    http.expectOne('/api/agencies').flush(EXPIRED, UNAUTHORIZED);
    http
      .expectOne('/api/auth/refresh')
      .flush({ code: 'session_expired', message: 'Your session has expired.' }, UNAUTHORIZED);

    await expect(response).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(auth.isSignedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/login'], {
      queryParams: { notice: 'session-expired', returnUrl: null },
    });
  });

  it('should not try to refresh when signing in answers 401', async () => {
    const login = firstValueFrom(auth.login({ email: 'ada@brand.test', password: 'wrong' }));

    http
      .expectOne('/api/auth/login')
      .flush({ code: 'invalid_credentials', message: 'Email or password is incorrect.' }, UNAUTHORIZED);

    await expect(login).rejects.toMatchObject({ status: 401 });
    http.expectNone('/api/auth/refresh');
  });

  it('should pass other errors through without refreshing when a request answers 403', async () => {
    const response = firstValueFrom(client.get('/api/audit-events'));

    http
      .expectOne('/api/audit-events')
      .flush({ code: 'forbidden', message: 'Not allowed.' }, { status: 403, statusText: 'Forbidden' });

    await expect(response).rejects.toMatchObject({ status: 403 });
    http.expectNone('/api/auth/refresh');
  });

  it('should keep the person signed in and where they are when the refresh answers 503', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const response = firstValueFrom(client.get('/api/users'));

    http.expectOne('/api/users').flush(EXPIRED, UNAUTHORIZED);
    http
      .expectOne('/api/auth/refresh')
      .flush(
        { code: 'service_unavailable', message: 'The portal cannot reach its database right now.' },
        { status: 503, statusText: 'Service Unavailable' },
      );

    await expect(response).rejects.toMatchObject({ status: 503 });
    expect(auth.isSignedIn()).toBe(true);
    expect(navigate).not.toHaveBeenCalled();
  });
});
