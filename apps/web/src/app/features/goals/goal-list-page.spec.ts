import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { computed, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import type { GoalDto, Permission, SessionUser } from '@agency-portal/shared';
import { can } from '@agency-portal/shared';
import { of } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { aGoal, aSessionUser } from '../../testing/fixtures';
import { BusinessUnitService } from '../business-units/business-unit.service';
import { GoalListPage } from './goal-list-page';
import { GoalService } from './goal.service';

describe('GoalListPage', () => {
  let fixture: ComponentFixture<GoalListPage>;
  let loader: HarnessLoader;
  let goals: { list: jest.Mock };

  async function render(
    user: SessionUser,
    queryParams: Record<string, string>,
    list: GoalDto[],
  ): Promise<void> {
    goals = { list: jest.fn(() => of(list)) };
    const current = signal<SessionUser | null>(user);
    TestBed.configureTestingModule({
      imports: [GoalListPage],
      providers: [
        provideRouter([]),
        { provide: GoalService, useValue: goals },
        { provide: BusinessUnitService, useValue: { list: () => of([]) } },
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
    fixture = TestBed.createComponent(GoalListPage);
    for (const [name, value] of Object.entries(queryParams)) {
      fixture.componentRef.setInput(name, value);
    }
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  function buttonNames(): string[] {
    return Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button'), (button) =>
      (button.textContent ?? '').trim(),
    );
  }

  it('should load the goals of the filters in the URL when the page opens', async () => {
    await render(
      aSessionUser({ role: 'social_lead' }),
      { status: 'active', channel: 'tiktok', periodFrom: '2026-01-01', periodTo: 'not-a-date' },
      [aGoal()],
    );

    expect(goals.list).toHaveBeenCalledWith({
      businessUnitId: undefined,
      status: 'active',
      channel: 'tiktok',
      periodFrom: '2026-01-01',
      periodTo: undefined,
    });
    expect((fixture.nativeElement as HTMLElement).querySelector('table')?.textContent).toContain(
      'Spring awareness',
    );
  });

  it('should put a chosen filter into the URL when a filter changes', async () => {
    await render(aSessionUser({ role: 'social_lead' }), {}, []);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const status = (await (
      await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Status' }))
    ).getControl(MatSelectHarness)) as MatSelectHarness;

    await status.open();
    await status.clickOptions({ text: 'Achieved' });

    expect(navigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({
        queryParams: {
          businessUnitId: null,
          status: 'achieved',
          channel: null,
          periodFrom: null,
          periodTo: null,
        },
      }),
    );
  });

  it('should offer New goal only when the user may manage goals', async () => {
    await render(aSessionUser({ role: 'viewer' }), {}, []);

    expect(buttonNames()).not.toContain('New goal');
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('There are no goals yet.');
  });
});
