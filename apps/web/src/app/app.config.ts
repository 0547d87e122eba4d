import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import {
  TitleStrategy,
  provideRouter,
  withComponentInputBinding,
  withInMemoryScrolling,
  withNavigationErrorHandler,
} from '@angular/router';
import { appRoutes } from './app.routes';
import { authInterceptor } from './core/auth/auth.interceptor';
import { AuthService } from './core/auth/auth.service';
import { LocaleService } from './core/i18n/locale.service';
import { errorInterceptor } from './core/http/error.interceptor';
import { reportNavigationError } from './core/http/network-status';
import { unavailableInterceptor } from './core/http/unavailable.interceptor';
import { PageTitleStrategy } from './core/routing/page-title.strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
      // A page that cannot load (offline: its code chunk fails) says so instead of doing nothing.
      withNavigationErrorHandler(reportNavigationError),
    ),
    // The error interceptor is outermost so it only sees what is left after a refresh-and-retry.
    provideHttpClient(withInterceptors([errorInterceptor, authInterceptor, unavailableInterceptor])),
    { provide: TitleStrategy, useClass: PageTitleStrategy },
    {
      provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
      useValue: { appearance: 'outline', subscriptSizing: 'dynamic' },
    },
    // A reload keeps the user signed in: try the refresh cookie before the first navigation.
    // …and a signed-in person sees their own language's build (the profile decides, docs/i18n.md).
    provideAppInitializer(async () => {
      const auth = inject(AuthService);
      const locale = inject(LocaleService);
      await auth.restoreSession();
      const user = auth.user();
      if (user && user.locale !== locale.current) locale.switchTo(user.locale);
    }),
  ],
};
