import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { HomeDto, HomeItemDto, HomeQueueDto, SessionUser } from '@agency-portal/shared';
import { Subject, of, throwError } from 'rxjs';
import { aPage, aSessionUser } from '../../testing/fixtures';
import { provideSignedIn } from '../../testing/auth';
import { InvoiceService } from '../invoices/invoice.service';
import { DeliverableService } from '../deliverables/deliverable.service';
import { NoticeStream, type LiveNotice } from '../notifications/notice-stream';
import { HOME_REFRESH_DEBOUNCE_MS, HomePage } from './home-page';
import { HomeService } from './home.service';

const HOUR = 3_600_000;

function anItem(overrides: Partial<HomeItemDto> = {}): HomeItemDto {
  return {
    kind: 'deliverable',
    id: 'deliverable-1',
    title: 'Spring reel',
    dueAt: new Date(Date.now() + 5 * HOUR).toISOString(),
    dueIsDate: false,
    overdue: false,
    agencyName: 'Northwind Social',
    briefId: 'brief-1',
    briefTitle: 'Spring launch',
    stepName: 'Brand review',
    versionNumber: 2,
    thumbnail: null,
    attention: [],
    budgetUsedPercent: null,
    sentAt: null,
    detail: null,
    ...overrides,
  };
}

function aQueue(overrides: Partial<HomeQueueDto> = {}): HomeQueueDto {
  return {
    key: 'reviews',
    total: { count: 1, exact: true },
    overdue: 0,
    items: [anItem()],
    nextCursor: null,
    ...overrides,
  };
}

describe('HomePage', () => {
  let live: Subject<LiveNotice>;
  let home: jest.Mock;
  let more: jest.Mock;

  async function render(
    answer: HomeDto | Error,
    user: SessionUser = aSessionUser({ role: 'reviewer' }),
  ): Promise<HTMLElement> {
    live = new Subject<LiveNotice>();
    home = jest.fn(() =>
      answer instanceof Error
        ? throwError(
            () =>
              new HttpErrorResponse({
                status: 500,
                error: { code: 'internal', message: 'Something went wrong.' },
              }),
          )
        : of(answer),
    );
    more = jest.fn(() => of(aPage([anItem({ id: 'deliverable-9', title: 'Autumn teaser' })])));
    TestBed.configureTestingModule({
      imports: [HomePage],
      providers: [
        provideRouter([]),
        { provide: HomeService, useValue: { home, more } },
        { provide: NoticeStream, useValue: { notices: live.asObservable(), connected: signal(true) } },
        { provide: DeliverableService, useValue: { fileContent: () => of(new Blob()) } },
        {
          provide: InvoiceService,
          useValue: {
            queueCounts: () => of({ to_decide: 0, approved_unpaid: 0, overdue: 0 }),
            list: () => of(aPage([])),
          },
        },
        provideSignedIn(user),
      ],
    });
    const fixture = TestBed.createComponent(HomePage);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const links = (element: HTMLElement): string[] =>
    Array.from(element.querySelectorAll('.ap-home-row__title')).map((link) => link.textContent?.trim() ?? '');

  it('should show the reviewer their queue with counts, the oldest overdue first, each row a link to the version', async () => {
    const element = await render({
      queues: [
        aQueue({
          total: { count: 2, exact: true },
          overdue: 1,
          items: [
            anItem({
              id: 'late',
              title: 'Late reel',
              overdue: true,
              dueAt: new Date(Date.now() - 3 * HOUR).toISOString(),
            }),
            anItem(),
          ],
        }),
      ],
    });

    const section = element.querySelector('section[aria-labelledby="home-queue-reviews"]');
    const first = element.querySelector<HTMLAnchorElement>('.ap-home-row__title');
    const about = element.querySelector(`#${first?.getAttribute('aria-describedby') ?? 'none'}`);

    expect(section?.querySelector('h2')?.textContent).toContain('Waiting for your review');
    expect(element.querySelector('[data-testid="home-count-reviews"]')?.textContent).toMatch(
      /2 in all\s*1 overdue/,
    );
    expect(links(element)).toEqual(['Late reel', 'Spring reel']);
    expect(first?.getAttribute('href')).toBe('/deliverables/late');
    expect(about?.textContent).toContain('Overdue');
    expect(about?.textContent).toContain('Step: Brand review');
    expect(about?.textContent).toContain('Northwind Social');
    expect(about?.textContent).toContain('Brief: Spring launch');
    expect(element.querySelector('.ap-home-row__due')?.textContent?.trim()).toBe('3 hours overdue');
    expect(element.textContent).not.toContain('What you can do here');
  });

  it("should say so when a queue is empty, in that queue's words", async () => {
    const element = await render(
      {
        queues: [aQueue({ key: 'briefs_to_answer', total: { count: 0, exact: true }, items: [] })],
      },
      aSessionUser({ role: 'agency_member', agencyId: 'agency-1', agencyName: 'Northwind Social' }),
    );

    expect(element.querySelector('[role="status"]')?.textContent).toContain(
      'No brief waits for your answer.',
    );
  });

  it('should show the error with a way to try again when the home cannot be loaded', async () => {
    const element = await render(new Error('down'));

    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Something went wrong.');
    expect(element.querySelector('.ap-home-queue')).toBeNull();
  });

  it('should read on from the cursor when Show more is chosen', async () => {
    const element = await render({
      queues: [aQueue({ total: { count: 30, exact: true }, nextCursor: 'cursor-1' })],
    });

    element.querySelector<HTMLButtonElement>('.ap-home-queue button')?.click();
    TestBed.tick();

    expect(more).toHaveBeenCalledWith('reviews', 'cursor-1');
    expect(links(element)).toEqual(['Spring reel', 'Autumn teaser']);
  });

  it('should read its queues again shortly after a notice arrives', async () => {
    await render({ queues: [aQueue()] });
    const callsBefore = home.mock.calls.length;
    jest.useFakeTimers();
    try {
      const notice = {
        kind: 'contract_changed',
        title: 't',
        body: '',
        link: null,
        readAt: null,
        createdAt: '',
      } as const;
      live.next({ notice: { ...notice, id: 'n1' }, unread: 1 });
      live.next({ notice: { ...notice, id: 'n2' }, unread: 2 });
      jest.advanceTimersByTime(HOME_REFRESH_DEBOUNCE_MS);
      TestBed.tick();

      expect(callsBefore).toBe(1);
      expect(home).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('should say that nothing waits when the role has no queue', async () => {
    const element = await render({ queues: [] }, aSessionUser({ role: 'viewer' }));

    expect(element.textContent).toContain('Nothing waits for your decision here.');
  });
});
