import { InjectionToken, computed, inject, type Signal } from '@angular/core';
import { AuthService } from '../../core/auth/auth.service';

/** The zone dates and times are shown in: the person's own (profile), else the browser's. */
export const DISPLAY_TIME_ZONE = new InjectionToken<Signal<string | undefined>>('DISPLAY_TIME_ZONE', {
  providedIn: 'root',
  factory: () => {
    const auth = inject(AuthService);
    return computed(() => auth.user()?.timeZone ?? undefined);
  },
});
