import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatBadgeHarness } from '@angular/material/badge/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { Router, provideRouter } from '@angular/router';
import type { NotificationDto, NotificationListDto } from '@agency-portal/shared';
import { signal } from '@angular/core';
import { Subject, of } from 'rxjs';
import { aNotification } from '../../testing/fixtures';
import { NOTIFICATION_POLL_MS, NotificationBell } from './notification-bell';
import { NoticeStream, type LiveNotice } from './notice-stream';
import { NotificationService } from './notification.service';

function aList(items: NotificationDto[], unread: number): NotificationListDto {
  return { items, unread, nextCursor: null, limit: 25 };
}

describe('NotificationBell', () => {
  let fixture: ComponentFixture<NotificationBell>;
  let loader: HarnessLoader;
  let service: { list: jest.Mock; markRead: jest.Mock; markAllRead: jest.Mock };
  let live: Subject<LiveNotice>;
  const streamConnected = signal(false);

  /** A server in miniature: marking read changes what the next list answers. */
  let current: NotificationListDto;

  function configure(list: NotificationListDto): void {
    current = list;
    const readAt = '2026-03-02T00:00:00.000Z';
    service = {
      list: jest.fn(() => of(current)),
      markRead: jest.fn((id: string) => {
        current = {
          ...current,
          items: current.items.map((item) => (item.id === id ? { ...item, readAt } : item)),
          unread: Math.max(0, current.unread - 1),
        };
        return of(undefined);
      }),
      markAllRead: jest.fn(() => {
        current = { ...current, items: current.items.map((item) => ({ ...item, readAt })), unread: 0 };
        return of(undefined);
      }),
    };
    live = new Subject<LiveNotice>();
    streamConnected.set(false);
    TestBed.configureTestingModule({
      imports: [NotificationBell],
      providers: [
        provideRouter([]),
        { provide: NotificationService, useValue: service },
        { provide: NoticeStream, useValue: { notices: live.asObservable(), connected: streamConnected } },
      ],
    });
  }

  async function render(list: NotificationListDto): Promise<void> {
    configure(list);
    fixture = TestBed.createComponent(NotificationBell);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const twoUnread: NotificationListDto = {
    items: [
      aNotification(),
      aNotification({ id: 'notice-2', title: 'SOW-2026-015 changed', link: '/contracts/contract-2' }),
      aNotification({ id: 'notice-3', title: 'Older notice', readAt: '2026-02-01T00:00:00.000Z' }),
    ],
    unread: 2,
    nextCursor: null,
    limit: 25,
  };

  it('should show the unread count on the bell when there are unread notices', async () => {
    await render(twoUnread);

    const badge = await loader.getHarness(MatBadgeHarness);
    const bell = (fixture.nativeElement as HTMLElement).querySelector('button');

    expect(await badge.getText()).toBe('2');
    expect(await badge.isHidden()).toBe(false);
    expect(bell?.getAttribute('aria-label')).toBe('Notifications, 2 unread');
  });

  it('should be named plainly when nothing is unread', async () => {
    await render(aList([], 0));

    const bell = (fixture.nativeElement as HTMLElement).querySelector('button');

    expect(bell?.getAttribute('aria-label')).toBe('Notifications');
  });

  it('should ask for the list again once a notice has been marked read', async () => {
    await render(twoUnread);
    jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const menu = await loader.getHarness(MatMenuHarness);
    await menu.open();
    const callsWhenOpen = service.list.mock.calls.length;

    await menu.clickItem({ text: /SOW-2026-015 changed/ });

    expect(service.list.mock.calls.length).toBe(callsWhenOpen + 1);
  });

  it('should say how long ago a notice came, with the full date on hover', async () => {
    const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000).toISOString();
    await render(aList([aNotification({ createdAt: fiveMinutesAgo })], 1));
    const menu = await loader.getHarness(MatMenuHarness);

    await menu.open();
    const time = document.querySelector('.ap-notice-item__time');

    expect(time?.textContent?.trim()).toBe('5 minutes ago');
    expect(time?.getAttribute('title')).toMatch(/\d{4}/);
  });

  it('should hide the badge when every notice is read', async () => {
    await render(aList([aNotification({ readAt: '2026-03-02T00:00:00.000Z' })], 0));

    expect(await (await loader.getHarness(MatBadgeHarness)).isHidden()).toBe(true);
  });

  it('should mark the notice read and open its page when a notice is chosen', async () => {
    await render(twoUnread);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const menu = await loader.getHarness(MatMenuHarness);

    await menu.clickItem({ text: /SOW-2026-015 changed/ });

    expect(service.markRead).toHaveBeenCalledWith('notice-2');
    expect(navigate).toHaveBeenCalledWith('/contracts/contract-2');
    expect(await (await loader.getHarness(MatBadgeHarness)).getText()).toBe('1');
  });

  it('should clear the badge when Mark all read is chosen', async () => {
    await render(twoUnread);
    const menu = await loader.getHarness(MatMenuHarness);

    await menu.clickItem({ text: 'Mark all read' });

    expect(service.markAllRead).toHaveBeenCalledTimes(1);
    expect(await (await loader.getHarness(MatBadgeHarness)).isHidden()).toBe(true);
  });

  it('should ask for notices again when a minute has passed', () => {
    jest.useFakeTimers();
    try {
      configure(twoUnread);
      fixture = TestBed.createComponent(NotificationBell);
      const callsAtStart = service.list.mock.calls.length;

      jest.advanceTimersByTime(NOTIFICATION_POLL_MS);

      expect(callsAtStart).toBe(1);
      expect(service.list).toHaveBeenCalledTimes(2);
    } finally {
      fixture.destroy();
      jest.useRealTimers();
    }
  });

  it('should add a notice the stream brings to the top of the list and show its count, without asking again', async () => {
    await render(twoUnread);
    const callsBefore = service.list.mock.calls.length;

    const notice = aNotification({
      id: 'notice-live',
      title: 'Brief Winter launch sent to you',
      link: '/briefs/b-9',
    });
    // The server has it from now on, as the stream says.
    current = { ...current, items: [notice, ...current.items], unread: 3 };
    live.next({ notice, unread: 3 });
    await fixture.whenStable();
    const badgeText = await (await loader.getHarness(MatBadgeHarness)).getText();
    const name = (fixture.nativeElement as HTMLElement).querySelector('button')?.getAttribute('aria-label');
    const callsBeforeOpening = service.list.mock.calls.length;
    const menu = await loader.getHarness(MatMenuHarness);
    await menu.open();
    const titles = Array.from(document.querySelectorAll('.ap-notice-item__title')).map((item) =>
      item.textContent?.trim(),
    );

    expect(badgeText).toBe('3');
    expect(name).toBe('Notifications, 3 unread');
    // The live notice itself needed no request.
    expect(callsBeforeOpening).toBe(callsBefore);
    expect(titles[0]).toContain('Brief Winter launch sent to you');
    expect(titles).toHaveLength(4);
  });

  it('should not list a notice twice when the stream brings one the list already has', async () => {
    await render(twoUnread);

    live.next({ notice: aNotification({ id: 'notice-2', title: 'SOW-2026-015 changed' }), unread: 2 });
    await fixture.whenStable();
    const menu = await loader.getHarness(MatMenuHarness);
    await menu.open();

    expect(document.querySelectorAll('.ap-notice-item')).toHaveLength(3);
  });

  it('should not poll while the live stream is connected, and poll again once it drops', () => {
    jest.useFakeTimers();
    try {
      configure(twoUnread);
      streamConnected.set(true);
      fixture = TestBed.createComponent(NotificationBell);
      const callsAtStart = service.list.mock.calls.length;

      jest.advanceTimersByTime(NOTIFICATION_POLL_MS);
      const whileConnected = service.list.mock.calls.length;
      streamConnected.set(false);
      jest.advanceTimersByTime(NOTIFICATION_POLL_MS);

      expect(callsAtStart).toBe(0);
      expect(whileConnected).toBe(0);
      expect(service.list).toHaveBeenCalledTimes(1);
    } finally {
      fixture.destroy();
      jest.useRealTimers();
    }
  });
});
