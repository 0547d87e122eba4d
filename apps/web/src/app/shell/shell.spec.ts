import { BreakpointObserver } from '@angular/cdk/layout';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { computed, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { Router, provideRouter } from '@angular/router';
import type { Permission, SessionUser } from '@agency-portal/shared';
import { can } from '@agency-portal/shared';
import { of } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { NotificationService } from '../features/notifications/notification.service';
import { aSessionUser } from '../testing/fixtures';
import { OFFLINE_MESSAGE } from '../core/http/network-status';
import { Shell } from './shell';

async function renderShell(
  user: SessionUser,
  { phone = false }: { phone?: boolean } = {},
): Promise<{
  fixture: ComponentFixture<Shell>;
  logout: jest.Mock;
}> {
  const current = signal<SessionUser | null>(user);
  const logout = jest.fn(() => {
    current.set(null);
    return of(undefined);
  });
  TestBed.configureTestingModule({
    imports: [Shell],
    providers: [
      provideRouter([]),
      ...(phone
        ? [
            {
              provide: BreakpointObserver,
              useValue: { observe: () => of({ matches: true, breakpoints: {} }) },
            },
          ]
        : []),
      {
        provide: NotificationService,
        useValue: { list: () => of({ items: [], unread: 0 }), markRead: jest.fn(), markAllRead: jest.fn() },
      },
      {
        provide: AuthService,
        useValue: {
          user: current,
          isSignedIn: computed(() => current() !== null),
          hasPermission: (permission: Permission) => can(user.role, permission),
          logout,
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(Shell);
  await fixture.whenStable();
  return { fixture, logout };
}

function navLinkNames(fixture: ComponentFixture<Shell>): string[] {
  const links = (fixture.nativeElement as HTMLElement).querySelectorAll('nav[aria-label="Main"] a');
  return Array.from(links, (link) => link.textContent?.trim() ?? '');
}

describe('Shell', () => {
  it('should show no Users link when the user is an agency member', async () => {
    const { fixture } = await renderShell(
      aSessionUser({
        role: 'agency_member',
        agencyId: 'agency-1',
        agencyName: 'Bright Social',
        name: 'Mo Member',
      }),
    );

    const names = navLinkNames(fixture);

    expect(names).not.toContain('Users');
    expect(names).not.toContain('Agencies');
    expect(names).toContain('My agency');
    expect(names).toContain('Contracts');
  });

  it('should offer the notifications bell when signed in', async () => {
    const { fixture } = await renderShell(aSessionUser());

    const bell = (fixture.nativeElement as HTMLElement).querySelector('button[aria-label="Notifications"]');

    expect(bell).not.toBeNull();
  });

  it('should show every admin area when the user is an admin', async () => {
    const { fixture } = await renderShell(aSessionUser({ role: 'admin' }));

    expect(navLinkNames(fixture)).toEqual([
      'Home',
      'Goals',
      'Contracts',
      'Briefs',
      'Deliverables',
      'Calendar',
      'Review queue',
      'Invoices',
      'Spend report',
      'Agency scorecards',
      'Exchange rates',
      'Metric imports',
      'Business units',
      'Agencies',
      'Approval policies',
      'Users',
      'Audit log',
      'Mail outbox',
    ]);
  });

  it('should show the user name, role and agency in the toolbar when signed in', async () => {
    const { fixture } = await renderShell(
      aSessionUser({
        role: 'agency_admin',
        agencyId: 'agency-1',
        agencyName: 'Bright Social',
        name: 'Ana Lead',
      }),
    );

    const user = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="current-user"]');

    expect(user?.textContent).toContain('Ana Lead');
    expect(user?.textContent).toContain('Agency admin');
    expect(user?.textContent).toContain('Bright Social');
  });

  it('should sign out and go to the sign-in page when Sign out is pressed', async () => {
    const { fixture, logout } = await renderShell(aSessionUser());
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const signOut = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button')).find(
      (button) => button.textContent?.trim() === 'Sign out',
    );

    signOut?.click();
    await fixture.whenStable();

    expect(logout).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { notice: 'signed-out' } });
  });

  it('should hold the toolbar in the page header, beside the main navigation and content landmarks', async () => {
    const { fixture } = await renderShell(aSessionUser());
    const element = fixture.nativeElement as HTMLElement;

    expect(element.querySelector('header .ap-toolbar')).not.toBeNull();
    expect(element.querySelector('nav[aria-label="Main"]')).not.toBeNull();
    expect(element.querySelector('main#main-content')).not.toBeNull();
  });

  it('should fold the person and Sign out into an account menu when the screen is a phone', async () => {
    const { fixture, logout } = await renderShell(aSessionUser({ name: 'Lee Social Lead' }), { phone: true });
    jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const element = fixture.nativeElement as HTMLElement;
    const account = element.querySelector('[data-testid="account-menu-button"]');
    const toolbarButtons = Array.from(element.querySelectorAll('.ap-toolbar button'), (b) =>
      b.textContent?.trim(),
    );

    const menu = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatMenuHarness.with({ selector: '[data-testid="account-menu-button"]' }),
    );
    await menu.open();
    const items = await Promise.all((await menu.getItems()).map((item) => item.getText()));
    await menu.clickItem({ text: 'Sign out' });

    expect(account?.getAttribute('aria-label')).toBe('Account: Lee Social Lead');
    expect(account?.textContent?.trim()).toBe('LS');
    expect(toolbarButtons).not.toContain('Sign out');
    expect(items).toEqual(['Your profile', 'Sign out']);
    expect(logout).toHaveBeenCalledTimes(1);
  });

  it('should say so in a banner while the browser is offline', async () => {
    const { fixture } = await renderShell(aSessionUser());
    const banner = () =>
      (fixture.nativeElement as HTMLElement).querySelector('[data-testid="offline-banner"]');
    const before = banner();

    window.dispatchEvent(new Event('offline'));
    await fixture.whenStable();
    const during = banner()?.textContent?.trim();
    window.dispatchEvent(new Event('online'));
    await fixture.whenStable();

    expect(before).toBeNull();
    expect(during).toBe(OFFLINE_MESSAGE);
    expect(banner()).toBeNull();
  });
});
