import { DOCUMENT, Location } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { type NavigationError, NavigationStart, Router } from '@angular/router';
import { Notifier } from '../notify/notifier';

export const OFFLINE_MESSAGE = $localize`:Banner while the device has no connection@@network.offline:You’re offline. What you see may be out of date, and changes can’t be saved until the connection is back.`;
export const ONLINE_AGAIN_MESSAGE = $localize`:Notice when the device is connected again@@network.online:You’re back online.`;
export const NAVIGATION_FAILED_MESSAGE = $localize`:Notice when a page could not be opened@@network.navigationFailed:The page couldn’t be opened. Check your connection and try again.`;

/**
 * Whether the device is connected, from the browser's online/offline events. The shell shows a
 * banner while it is not; requests that fail for want of a connection (status 0) and pages that
 * could not be loaded say so through {@link reportUnreachable}.
 */
@Injectable({ providedIn: 'root' })
export class NetworkStatus {
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly location = inject(Location);
  private readonly window = inject(DOCUMENT).defaultView;
  private reloadPending = false;
  private readonly connected = signal(this.window?.navigator.onLine ?? true);
  readonly online = this.connected.asReadonly();

  constructor() {
    const win = this.window;
    if (!win) return;
    const goOffline = () => this.connected.set(false);
    const goOnline = () => {
      this.connected.set(true);
      this.notifier.success(ONLINE_AGAIN_MESSAGE);
    };
    win.addEventListener('offline', goOffline);
    win.addEventListener('online', goOnline);
    inject(DestroyRef).onDestroy(() => {
      win.removeEventListener('offline', goOffline);
      win.removeEventListener('online', goOnline);
    });
  }

  /** A page (its code or its data) could not be fetched: say so, never fail in silence. */
  reportNavigationFailure(): void {
    this.notifier.error(NAVIGATION_FAILED_MESSAGE);
  }

  /**
   * A page's code failed to load. The browser keeps a module whose imports failed as failed for
   * the rest of the document, so trying the same page again in this document fails again even
   * once the connection is back: the next navigation, once online, loads a fresh document.
   */
  reloadOnNextNavigation(): void {
    if (this.reloadPending) return;
    this.reloadPending = true;
    const events = this.router.events.subscribe((event) => {
      if (!(event instanceof NavigationStart) || !this.connected()) return;
      events.unsubscribe();
      this.loadPage(this.location.prepareExternalUrl(event.url));
    });
  }

  /** Opens `url` as a new document (not through the router). */
  loadPage(url: string): void {
    this.window?.location.assign(url);
  }
}

/**
 * For `withNavigationErrorHandler`: a lazy page whose code or data failed to load is reported; when
 * its code failed (anything but an HTTP answer), the next navigation loads a fresh document.
 */
export function reportNavigationError(error: NavigationError): void {
  const status = inject(NetworkStatus);
  status.reportNavigationFailure();
  if (!(error.error instanceof HttpErrorResponse)) status.reloadOnNextNavigation();
}
