import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatBadgeHarness } from '@angular/material/badge/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { Router, provideRouter } from '@angular/router';
import type { NotificationListDto } from '@agency-portal/shared';
import { of } from 'rxjs';
import { aNotification } from '../../testing/fixtures';
import { NOTIFICATION_POLL_MS, NotificationBell } from './notification-bell';
import { NotificationService } from './notification.service';

describe('NotificationBell', () => {
  let fixture: ComponentFixture<NotificationBell>;
  let loader: HarnessLoader;
  let service: { list: jest.Mock; markRead: jest.Mock; markAllRead: jest.Mock };

  function configure(list: NotificationListDto): void {
    service = {
      list: jest.fn(() => of(list)),
      markRead: jest.fn(() => of(undefined)),
      markAllRead: jest.fn(() => of(undefined)),
    };
    TestBed.configureTestingModule({
      imports: [NotificationBell],
      providers: [provideRouter([]), { provide: NotificationService, useValue: service }],
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
  };

  it('should show the unread count on the bell when there are unread notices', async () => {
    await render(twoUnread);

    const badge = await loader.getHarness(MatBadgeHarness);
    const bell = (fixture.nativeElement as HTMLElement).querySelector('button');

    expect(await badge.getText()).toBe('2');
    expect(await badge.isHidden()).toBe(false);
    expect(bell?.getAttribute('aria-label')).toBe('Notifications');
  });

  it('should hide the badge when every notice is read', async () => {
    await render({ items: [aNotification({ readAt: '2026-03-02T00:00:00.000Z' })], unread: 0 });

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
});
