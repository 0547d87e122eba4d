import { DOCUMENT } from '@angular/common';
import { Injectable, LOCALE_ID, inject } from '@angular/core';
import { DEFAULT_LOCALE, LOCALE_COOKIE, type Locale, isLocale } from '@agency-portal/shared';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;
/** Set when a signed-out person picks a language on the sign-in page; read once after sign-in. */
const CHOSEN_BEFORE_SIGN_IN = 'ap_locale_chosen';

/**
 * Which language build is showing, and moving to another. Each language is its own build under
 * `/<locale>/` (docs/i18n.md), so changing language loads that build at the same page. The
 * `ap_locale` cookie tells the server which build to open for `/` and for links without a locale.
 */
@Injectable({ providedIn: 'root' })
export class LocaleService {
  private readonly document = inject(DOCUMENT);
  private readonly localeId = inject(LOCALE_ID);

  /** The build's language ("en", "ko", "id"). */
  get current(): Locale {
    const primary = this.localeId.toLowerCase().split('-')[0];
    return isLocale(primary) ? primary : DEFAULT_LOCALE;
  }

  /** Remembers the language (cookie) and opens its build at the page now shown. */
  switchTo(locale: Locale, appUrl?: string): void {
    this.remember(locale);
    if (locale === this.current) return;
    const location = this.document.location;
    const prefix = `/${this.current}`;
    const path = location.pathname.startsWith(`${prefix}/`)
      ? location.pathname.slice(prefix.length)
      : location.pathname === prefix
        ? '/'
        : location.pathname;
    location.assign(`/${locale}${appUrl ?? `${path}${location.search}${location.hash}`}`);
  }

  /** The sign-in page's choice: kept for this tab so that signing in keeps it. */
  chooseBeforeSignIn(locale: Locale): void {
    this.document.defaultView?.sessionStorage.setItem(CHOSEN_BEFORE_SIGN_IN, locale);
    this.switchTo(locale);
  }

  /** The language picked on the sign-in page in this tab, if any (read once). */
  takeChoiceBeforeSignIn(): Locale | null {
    const storage = this.document.defaultView?.sessionStorage;
    const chosen = storage?.getItem(CHOSEN_BEFORE_SIGN_IN);
    storage?.removeItem(CHOSEN_BEFORE_SIGN_IN);
    return isLocale(chosen) ? chosen : null;
  }

  private remember(locale: Locale): void {
    this.document.cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
  }
}
