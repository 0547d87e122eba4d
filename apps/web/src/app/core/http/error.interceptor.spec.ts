import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { Notifier } from '../notify/notifier';
import { errorInterceptor } from './error.interceptor';
import { silentErrors } from './http-context';

describe('errorInterceptor', () => {
  let client: HttpClient;
  let http: HttpTestingController;
  let notifier: { error: jest.Mock; success: jest.Mock };

  beforeEach(() => {
    notifier = { error: jest.fn(), success: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        { provide: Notifier, useValue: notifier },
      ],
    });
    client = TestBed.inject(HttpClient);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it("should show the server's message when a request fails", async () => {
    const response = firstValueFrom(client.post('/api/agencies/a-1/offboard', { reason: 'x' }));

    http
      .expectOne('/api/agencies/a-1/offboard')
      .flush(
        { code: 'invalid_state', message: 'The agency is already offboarded.' },
        { status: 409, statusText: 'Conflict' },
      );

    await expect(response).rejects.toMatchObject({ status: 409 });
    expect(notifier.error).toHaveBeenCalledWith('The agency is already offboarded.');
  });

  it('should stay quiet when the caller shows errors itself', async () => {
    const response = firstValueFrom(client.get('/api/agencies', { context: silentErrors() }));

    http
      .expectOne('/api/agencies')
      .flush({ code: 'internal_error', message: 'Oops.' }, { status: 500, statusText: 'Error' });

    await expect(response).rejects.toMatchObject({ status: 500 });
    expect(notifier.error).not.toHaveBeenCalled();
  });

  it('should leave 401s to the auth interceptor when a session has ended', async () => {
    const response = firstValueFrom(client.get('/api/users'));

    http
      .expectOne('/api/users')
      .flush(
        { code: 'session_expired', message: 'Sign in again.' },
        { status: 401, statusText: 'Unauthorized' },
      );

    await expect(response).rejects.toMatchObject({ status: 401 });
    expect(notifier.error).not.toHaveBeenCalled();
  });

  it('should say the server cannot be reached when the network fails', async () => {
    const response = firstValueFrom(client.get('/api/users'));

    http.expectOne('/api/users').error(new ProgressEvent('error'), { status: 0 });

    await expect(response).rejects.toMatchObject({ status: 0 });
    expect(notifier.error).toHaveBeenCalledWith(
      'Cannot reach the server. Check your connection and try again.',
    );
  });
});
