import { Injectable, inject, signal } from '@angular/core';
import { Notifier } from '../notify/notifier';

export const UNAVAILABLE_MESSAGE = $localize`:Lasting notice while the API answers 503@@service.unavailable:The service is unavailable for a moment. Retrying…`;
export const RECOVERED_MESSAGE = $localize`:Notice when the API answers again after a 503@@service.recovered:The service is back.`;

/**
 * Whether the API last said it was unavailable (503: its database is down or frozen). While it
 * is, one lasting message says so; when a request succeeds again, the message says it is back.
 */
@Injectable({ providedIn: 'root' })
export class ServiceStatus {
  private readonly notifier = inject(Notifier);
  private readonly down = signal(false);
  readonly unavailable = this.down.asReadonly();

  markUnavailable(): void {
    if (this.down()) return;
    this.down.set(true);
    this.notifier.lasting(UNAVAILABLE_MESSAGE);
  }

  markAvailable(): void {
    if (!this.down()) return;
    this.down.set(false);
    this.notifier.success(RECOVERED_MESSAGE);
  }
}
