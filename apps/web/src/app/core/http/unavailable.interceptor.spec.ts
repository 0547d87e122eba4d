import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { Notifier } from '../notify/notifier';
import { RECOVERED_MESSAGE, ServiceStatus, UNAVAILABLE_MESSAGE } from './service-status';
import { UNAVAILABLE_RETRIES, unavailableInterceptor } from './unavailable.interceptor';

const UNAVAILABLE = { status: 503, statusText: 'Service Unavailable', headers: { 'Retry-After': '5' } };
const BODY = { code: 'service_unavailable', message: 'The portal cannot reach its database right now.' };

describe('unavailableInterceptor', () => {
  let client: HttpClient;
  let http: HttpTestingController;
  let notifier: { lasting: jest.Mock; success: jest.Mock; error: jest.Mock };

  beforeEach(() => {
    jest.useFakeTimers();
    notifier = { lasting: jest.fn(), success: jest.fn(), error: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([unavailableInterceptor])),
        provideHttpClientTesting(),
        { provide: Notifier, useValue: notifier },
      ],
    });
    client = TestBed.inject(HttpClient);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('should say the service is unavailable and retry a read until it answers', async () => {
    const response = firstValueFrom(client.get('/api/contracts'));

    http.expectOne('/api/contracts').flush(BODY, UNAVAILABLE);
    expect(notifier.lasting).toHaveBeenCalledWith(UNAVAILABLE_MESSAGE);
    expect(TestBed.inject(ServiceStatus).unavailable()).toBe(true);
    await jest.advanceTimersByTimeAsync(5000);
    http.expectOne('/api/contracts').flush([{ id: 'c-1' }]);

    await expect(response).resolves.toEqual([{ id: 'c-1' }]);
    expect(notifier.success).toHaveBeenCalledWith(RECOVERED_MESSAGE);
    expect(TestBed.inject(ServiceStatus).unavailable()).toBe(false);
  });

  it('should give up after its retries and pass the 503 on', async () => {
    const response = firstValueFrom(client.get('/api/goals'));
    const settled = response.catch((error: unknown) => error);

    for (let attempt = 0; attempt <= UNAVAILABLE_RETRIES; attempt++) {
      http.expectOne('/api/goals').flush(BODY, UNAVAILABLE);
      await jest.advanceTimersByTimeAsync(30_000);
    }

    await expect(settled).resolves.toMatchObject({ status: 503 });
    expect(notifier.lasting).toHaveBeenCalledTimes(1);
  });

  it("should not repeat a change behind the person's back when it answers 503", async () => {
    const response = firstValueFrom(client.post('/api/briefs', { title: 'Spring' }));

    http.expectOne('/api/briefs').flush(BODY, UNAVAILABLE);

    await expect(response).rejects.toMatchObject({ status: 503 });
    await jest.advanceTimersByTimeAsync(30_000);
    http.expectNone('/api/briefs');
    expect(notifier.lasting).toHaveBeenCalledWith(UNAVAILABLE_MESSAGE);
  });

  it('should retry a change sent with an Idempotency-Key with the same key when it answers 503', async () => {
    const response = firstValueFrom(
      client.post('/api/invoices', { number: 'INV-1' }, { headers: { 'Idempotency-Key': 'key-1' } }),
    );

    http.expectOne('/api/invoices').flush(BODY, UNAVAILABLE);
    await jest.advanceTimersByTimeAsync(5000);
    const retried = http.expectOne('/api/invoices');
    expect(retried.request.headers.get('Idempotency-Key')).toBe('key-1');
    retried.flush({ id: 'invoice-1' });

    await expect(response).resolves.toEqual({ id: 'invoice-1' });
  });

  it('should retry the refresh, which answers the same when repeated', async () => {
    const response = firstValueFrom(client.post('/api/auth/refresh', null));

    http.expectOne('/api/auth/refresh').flush(BODY, UNAVAILABLE);
    await jest.advanceTimersByTimeAsync(5000);
    http.expectOne('/api/auth/refresh').flush({ accessToken: 'token-2' });

    await expect(response).resolves.toEqual({ accessToken: 'token-2' });
  });
});
