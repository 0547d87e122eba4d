import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withNavigationErrorHandler } from '@angular/router';
import { Notifier } from '../notify/notifier';
import {
  NAVIGATION_FAILED_MESSAGE,
  NetworkStatus,
  ONLINE_AGAIN_MESSAGE,
  reportNavigationError,
} from './network-status';

@Component({ selector: 'ap-test-page', template: '' })
class TestPage {}

describe('NetworkStatus', () => {
  let notifier: { success: jest.Mock; error: jest.Mock };

  beforeEach(() => {
    notifier = { success: jest.fn(), error: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'home', component: TestPage },
            // What a lazy page does offline: its chunk cannot be fetched.
            {
              path: 'contracts',
              loadComponent: () =>
                Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
            },
          ],
          withNavigationErrorHandler(reportNavigationError),
        ),
        { provide: Notifier, useValue: notifier },
      ],
    });
  });

  it('should say the page could not be opened when a lazy page fails to load', async () => {
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/home');

    await router.navigateByUrl('/contracts').catch(() => false);

    expect(notifier.error).toHaveBeenCalledWith(NAVIGATION_FAILED_MESSAGE);
    expect(router.url).toBe('/home');
  });

  it('should open the next page as a new document when a lazy page failed to load and the device is online', async () => {
    const router = TestBed.inject(Router);
    const status = TestBed.inject(NetworkStatus);
    const loadPage = jest.spyOn(status, 'loadPage').mockImplementation(() => undefined);
    await router.navigateByUrl('/home');
    await router.navigateByUrl('/contracts').catch(() => false);
    expect(loadPage).not.toHaveBeenCalled();

    await router.navigateByUrl('/contracts').catch(() => false);

    expect(loadPage).toHaveBeenCalledTimes(1);
    expect(loadPage).toHaveBeenCalledWith('/contracts');
  });

  it('should follow the browser going offline and say when it is back online', () => {
    const status = TestBed.inject(NetworkStatus);

    window.dispatchEvent(new Event('offline'));
    const whileOffline = status.online();
    window.dispatchEvent(new Event('online'));

    expect(whileOffline).toBe(false);
    expect(status.online()).toBe(true);
    expect(notifier.success).toHaveBeenCalledWith(ONLINE_AGAIN_MESSAGE);
  });
});
