import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injectable, inject, signal } from '@angular/core';
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
  private readonly window = inject(DOCUMENT).defaultView;
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
}

/** For `withNavigationErrorHandler`: a lazy page whose code or data failed to load is reported. */
export function reportNavigationError(): void {
  inject(NetworkStatus).reportNavigationFailure();
}
