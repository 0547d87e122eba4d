import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Permission, SessionUser } from '@agency-portal/shared';
import { can } from '@agency-portal/shared';
import { of } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { aPage, aSessionUser } from '../../testing/fixtures';
import { createListPage, listViewer, oneOfThese, onlyWhenTrue } from './list-page';
import { isoDate, uuid } from './list-query-state';

const load = jest.fn((_query: object) => of(aPage([{ id: 'row-1' }])));

/** A routed list page with one filter of each kind. */
@Component({ selector: 'ap-list-page-host', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class ListPageHost {
  readonly viewer = listViewer();
  readonly list = createListPage(
    {
      status: oneOfThese(['open', 'closed'] as const),
      ownerId: uuid,
      dueFrom: isoDate,
      overdue: onlyWhenTrue,
    },
    {
      sortKeys: ['name'],
      defaultSort: 'name',
      load,
    },
  );
}

describe('createListPage', () => {
  async function open(url: string, user: SessionUser = aSessionUser()): Promise<ListPageHost> {
    load.mockClear();
    const current = signal<SessionUser | null>(user);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'things', component: ListPageHost }]),
        {
          provide: AuthService,
          useValue: {
            user: current,
            isSignedIn: computed(() => current() !== null),
            hasPermission: (permission: Permission) => can(user.role, permission),
          },
        },
      ],
    });
    const harness = await RouterTestingHarness.create();
    const host = await harness.navigateByUrl(url, ListPageHost);
    await harness.fixture.whenStable();
    return host;
  }

  it('should load the page with each filter parsed from the URL when the page opens', async () => {
    const host = await open(
      '/things?status=open&ownerId=7c9e6679-7425-40de-944b-e07fc1f90ae7&dueFrom=2026-02-30x&overdue=true&q=spring',
    );

    expect(load).toHaveBeenCalledWith({
      status: 'open',
      ownerId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      dueFrom: undefined,
      overdue: true,
      limit: 25,
      sort: 'name',
      cursor: undefined,
      q: 'spring',
      withTotal: true,
    });
    expect(host.list.loader.items()).toEqual([{ id: 'row-1' }]);
    expect(host.list.form.controls.status.value).toBe('open');
  });

  it('should leave out values that are not one of the options or not a flag when the URL is stale', async () => {
    await open('/things?status=archived&ownerId=not-an-id&overdue=yes');

    expect(load).toHaveBeenCalledWith(
      expect.objectContaining({ status: undefined, ownerId: undefined, overdue: undefined }),
    );
  });

  it('should hide in-house filters from agency users when the viewer is from an agency', async () => {
    const host = await open('/things', aSessionUser({ role: 'agency_member', agencyId: 'agency-1' }));

    expect(host.viewer.isAgencyUser()).toBe(true);
    expect(host.viewer.inHouseCan('agency:read')()).toBe(false);
    expect(host.viewer.can('brief:read')()).toBe(true);
  });

  it('should show in-house filters to in-house readers with the permission', async () => {
    const host = await open('/things', aSessionUser({ role: 'social_lead' }));

    expect(host.viewer.isAgencyUser()).toBe(false);
    expect(host.viewer.inHouseCan('agency:read')()).toBe(true);
  });
});
