import { Location } from '@angular/common';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { SessionUser } from '@agency-portal/shared';
import { AuthService } from '../core/auth/auth.service';
import { aSessionUser } from '../testing/fixtures';
import { StatusPage, type StatusPageKind } from './status-page';

async function renderPage(kind: StatusPageKind, path: string): Promise<HTMLElement> {
  const user = signal<SessionUser | null>(aSessionUser({ role: 'agency_member', agencyId: 'agency-1' }));
  TestBed.configureTestingModule({
    imports: [StatusPage],
    providers: [provideRouter([]), { provide: AuthService, useValue: { user } }],
  });
  jest.spyOn(TestBed.inject(Location), 'path').mockReturnValue(path);
  const fixture = TestBed.createComponent(StatusPage);
  fixture.componentRef.setInput('kind', kind);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('StatusPage', () => {
  it('should say the role may not open the page, and which page, when access is refused', async () => {
    const element = await renderPage('forbidden', '/users');

    expect(element.querySelector('h1')?.textContent?.trim()).toBe('You can’t open this page');
    expect(element.textContent).toContain('Your role (Agency member) doesn’t give access to /users.');
    expect(element.querySelector('a[href="/"]')?.textContent?.trim()).toBe('Go to your home page');
  });

  it('should say there is no such page when the address matches none', async () => {
    const element = await renderPage('not_found', '/contracs');

    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Page not found');
    expect(element.textContent).toContain('There is no page at /contracs.');
  });
});
