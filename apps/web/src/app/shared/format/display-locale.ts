import { DOCUMENT } from '@angular/common';
import { InjectionToken, LOCALE_ID, inject } from '@angular/core';

/**
 * The locale numbers and money are formatted in: the browser's language when Intl supports it,
 * otherwise the app's LOCALE_ID.
 */
export const DISPLAY_LOCALE = new InjectionToken<string>('DISPLAY_LOCALE', {
  providedIn: 'root',
  factory: () => {
    const browserLocale = inject(DOCUMENT).defaultView?.navigator.language;
    if (browserLocale && Intl.NumberFormat.supportedLocalesOf([browserLocale]).length > 0) {
      return browserLocale;
    }
    return inject(LOCALE_ID);
  },
});
