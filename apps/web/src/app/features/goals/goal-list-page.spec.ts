import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { GoalDto, SessionUser } from '@agency-portal/shared';
import { of } from 'rxjs';
import { aGoal, aPage, aSessionUser } from '../../testing/fixtures';
import { provideSignedIn } from '../../testing/auth';
import { provideFakeLookups } from '../../testing/lookups';
import { GoalListPage } from './goal-list-page';
import { GoalService } from './goal.service';

describe('GoalListPage', () => {
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let goals: { list: jest.Mock };

  async function render(user: SessionUser, url: string, list: GoalDto[]): Promise<void> {
    goals = { list: jest.fn(() => of({ ...aPage(list), total: { count: list.length, exact: true } })) };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'goals', component: GoalListPage }]),
        provideFakeLookups(),
        { provide: GoalService, useValue: goals },
        provideSignedIn(user),
      ],
    });
    harness = await RouterTestingHarness.create(url);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    await harness.fixture.whenStable();
  }

  function element(): HTMLElement {
    return harness.routeNativeElement as HTMLElement;
  }

  it('should load the goals of the filters, search, sort and page in the URL when the page opens', async () => {
    await render(
      aSessionUser({ role: 'social_lead' }),
      '/goals?status=active&channel=tiktok&periodFrom=2026-01-01&periodTo=not-a-date&q=spring&sort=name&cursor=abc',
      [aGoal()],
    );

    expect(goals.list).toHaveBeenCalledWith({
      businessUnitId: undefined,
      status: 'active',
      kpiMetric: undefined,
      channel: 'tiktok',
      periodFrom: '2026-01-01',
      periodTo: undefined,
      q: 'spring',
      sort: 'name',
      cursor: 'abc',
      limit: 25,
      withTotal: true,
    });
    expect(element().querySelector('table')?.textContent).toContain('Spring awareness');
  });

  it('should put a chosen filter into the URL and go back to the first page when a filter changes', async () => {
    await render(aSessionUser({ role: 'social_lead' }), '/goals?cursor=abc&prev=xyz', []);
    const router = TestBed.inject(Router);
    const status = (await (
      await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Status' }))
    ).getControl(MatSelectHarness)) as MatSelectHarness;

    await status.open();
    await status.clickOptions({ text: 'Achieved' });
    await harness.fixture.whenStable();

    expect(router.url).toBe('/goals?status=achieved');
    expect(goals.list).toHaveBeenLastCalledWith(
      expect.objectContaining({ status: 'achieved', cursor: undefined }),
    );
  });

  it('should offer New goal only when the user may manage goals', async () => {
    await render(aSessionUser({ role: 'viewer' }), '/goals', []);

    const buttons = Array.from(element().querySelectorAll('button'), (button) =>
      (button.textContent ?? '').trim(),
    );
    expect(buttons).not.toContain('New goal');
    expect(element().textContent).toContain('There are no goals yet.');
  });
});
