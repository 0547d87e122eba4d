import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CalendarDto, CalendarQuery, SessionUser } from '@agency-portal/shared';
import { of, throwError, type Observable } from 'rxjs';
import { DISPLAY_TIME_ZONE } from '../../shared/format/time-zone';
import { aSessionUser } from '../../testing/fixtures';
import { provideSignedIn } from '../../testing/auth';
import { provideFakeLookups } from '../../testing/lookups';
import { CalendarPage } from './calendar-page';
import { CalendarService } from './calendar.service';

const ANSWER: CalendarDto = {
  from: '2026-11-30',
  to: '2027-01-03',
  on: 'schedule',
  perDay: 4,
  timeZone: 'Asia/Seoul',
  total: 1,
  days: [
    {
      date: '2026-12-10',
      total: 1,
      more: 0,
      items: [
        {
          id: 'deliverable-1',
          title: 'Feed post',
          channel: 'instagram',
          status: 'approved',
          dueDate: '2026-12-10',
          publishedAt: null,
          postUrl: null,
          day: '2026-12-10',
          placedBy: 'due',
          briefId: 'brief-1',
          briefTitle: 'Winter launch',
          contractId: 'contract-1',
          agencyId: 'agency-1',
          agencyName: 'Northwind Social',
        },
      ],
    },
  ],
};

describe('CalendarPage', () => {
  let read: jest.Mock<Observable<CalendarDto>, [CalendarQuery]>;

  async function render(url: string, user: SessionUser, answer: Observable<CalendarDto> = of(ANSWER)) {
    read = jest.fn<Observable<CalendarDto>, [CalendarQuery]>(() => answer);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'calendar', component: CalendarPage }]),
        { provide: CalendarService, useValue: { read } },
        { provide: DISPLAY_TIME_ZONE, useValue: signal('Asia/Seoul') },
        ...provideFakeLookups(),
        provideSignedIn(user),
      ],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  it('should ask for the month’s whole weeks in the person’s zone with the URL’s filters', async () => {
    const element = await render(
      '/calendar?month=2026-12&channel=instagram&view=month',
      aSessionUser({ role: 'social_lead' }),
    );

    const query = read.mock.calls[0]?.[0];
    expect(query).toMatchObject({ channel: 'instagram', timeZone: 'Asia/Seoul', perDay: 4 });
    expect([query?.from, query?.to]).toEqual(
      expect.arrayContaining([expect.stringMatching(/^2026-11-(29|30)$/)]),
    );
    expect(element.querySelector('[data-testid="calendar-month"]')?.textContent).toContain('December 2026');
    expect(element.querySelector('a[href="/deliverables/deliverable-1"]')).not.toBeNull();
  });

  it('should offer the agency filter to a lead but not to an agency member', async () => {
    const lead = await render('/calendar?month=2026-12', aSessionUser({ role: 'social_lead' }));
    expect(lead.textContent).toContain('Agency');
    TestBed.resetTestingModule();

    const agency = await render(
      '/calendar?month=2026-12',
      aSessionUser({ role: 'agency_member', agencyId: 'agency-1' }),
    );
    expect(
      Array.from(agency.querySelectorAll('mat-label'), (label) => label.textContent?.trim()),
    ).not.toContain('Agency');
  });

  it('should list the month’s days in the agenda view', async () => {
    const element = await render(
      '/calendar?month=2026-12&view=agenda',
      aSessionUser({ role: 'social_lead' }),
    );

    expect(read.mock.calls[0]?.[0]).toMatchObject({ from: '2026-12-01', to: '2026-12-31', perDay: 10 });
    expect(element.querySelector('.ap-agenda')?.textContent).toContain('Feed post');
  });

  it('should say the month is empty when nothing is in it', async () => {
    const element = await render(
      '/calendar?month=2026-12',
      aSessionUser({ role: 'social_lead' }),
      of({ ...ANSWER, days: [], total: 0 }),
    );

    expect(element.querySelector('[data-testid="calendar-empty"]')?.textContent).toContain(
      'Nothing is due or published in December 2026.',
    );
  });

  it('should show the error with a way to try again when the calendar cannot be read', async () => {
    const element = await render(
      '/calendar?month=2026-12',
      aSessionUser({ role: 'social_lead' }),
      throwError(
        () => new HttpErrorResponse({ status: 500, error: { code: 'internal_error', message: 'Down' } }),
      ),
    );

    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Down');
  });
});
