import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { type MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ROLE_LABELS } from '../shared/i18n/labels';
import { map } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { NetworkStatus, OFFLINE_MESSAGE } from '../core/http/network-status';
import { APP_NAME } from '../core/routing/page-title.strategy';
import { NotificationBell } from '../features/notifications/notification-bell';
import { navigationFor } from './navigation';

/**
 * Signed-in layout: a header (toolbar with notifications, the user and sign-out; on a phone the
 * user and sign-out fold into an account menu), the offline banner, side navigation by role
 * and the page outlet.
 */
@Component({
  selector: 'ap-shell',
  imports: [
    MatButtonModule,
    MatListModule,
    MatMenuModule,
    MatSidenavModule,
    MatToolbarModule,
    NotificationBell,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly appName = APP_NAME;
  protected readonly user = this.auth.user;
  protected readonly roleLabel = computed(() => {
    const user = this.user();
    return user ? ROLE_LABELS[user.role] : '';
  });
  /** "LS" for Lee Social Lead: the account button's face on a phone. */
  protected readonly initials = computed(() =>
    (this.user()?.name ?? '')
      .split(/\s+/)
      .filter((part) => part.length > 0)
      .slice(0, 2)
      .map((part) => part.charAt(0).toUpperCase())
      .join(''),
  );
  protected readonly accountLabel = computed(
    () =>
      $localize`:Name of the account menu button on a phone@@shell.account:Account: ${this.user()?.name ?? ''}:name:`,
  );
  protected readonly online = inject(NetworkStatus).online;
  protected readonly offlineMessage = OFFLINE_MESSAGE;
  protected readonly navigation = computed(() => {
    const user = this.user();
    return user ? navigationFor(user) : [];
  });
  protected readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 959.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly signingOut = signal(false);

  protected signOut(): void {
    this.signingOut.set(true);
    this.auth.logout().subscribe(() => {
      this.signingOut.set(false);
      void this.router.navigate(['/login'], { queryParams: { notice: 'signed-out' } });
    });
  }

  protected closeNavigationOnHandset(sidenav: MatSidenav): void {
    if (this.isHandset()) {
      void sidenav.close();
    }
  }
}
