import { DOCUMENT } from '@angular/common';
import { LocalDatePipe, RelativeTimePipe } from '../../shared/format/local-date.pipe';
import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { NavigationEnd, Router } from '@angular/router';
import type { NotificationDto, NotificationListDto } from '@agency-portal/shared';
import { EMPTY, Subject, catchError, filter, interval, merge, startWith, switchMap } from 'rxjs';
import { byPlural } from '../../shared/i18n/plural';
import { NotificationService } from './notification.service';

/** How often the bell asks for new notices. */
export const NOTIFICATION_POLL_MS = 60_000;

/**
 * The toolbar bell: a badge with the number of unread notices (refreshed every minute, on every
 * navigation, when opened and after marking read) and a menu of recent notices, each with how
 * long ago it came (the full date on hover). Its name carries the count. Opening a notice marks it
 * read and goes to its page; "Mark all read" clears the badge.
 */
@Component({
  selector: 'ap-notification-bell',
  imports: [LocalDatePipe, MatBadgeModule, MatButtonModule, MatMenuModule, RelativeTimePipe],
  template: `
    <button
      matIconButton
      type="button"
      data-testid="notifications-button"
      [attr.aria-label]="accessibleName()"
      [matMenuTriggerFor]="menu"
      [matBadge]="badgeText()"
      [matBadgeHidden]="unread() === 0"
      (menuOpened)="refresh()"
    >
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2zm6-6V11c0-3.07-1.64-5.64-4.5-6.32V4a1.5 1.5 0 0 0-3 0v.68C7.63 5.36 6 7.92 6 11v5l-2 2v1h16v-1l-2-2z"
        />
      </svg>
    </button>
    <mat-menu #menu="matMenu" xPosition="before" class="ap-notification-menu">
      <button i18n mat-menu-item type="button" [disabled]="unread() === 0" (click)="markAllRead()">
        Mark all read
      </button>
      @for (notice of items(); track notice.id) {
        <button
          mat-menu-item
          type="button"
          class="ap-notice-item"
          [class.ap-notice-item--unread]="!notice.readAt"
          (click)="openNotice(notice)"
        >
          <span class="ap-notice-item__title">
            @if (!notice.readAt) {
              <span i18n class="ap-visually-hidden">Unread: </span>
            }
            {{ notice.title }}
          </span>
          @if (notice.body) {
            <span class="ap-notice-item__body">{{ notice.body }}</span>
          }
          <time
            class="ap-notice-item__time"
            [attr.datetime]="notice.createdAt"
            [attr.title]="notice.createdAt | localDate: 'dateTime'"
            >{{ notice.createdAt | relativeTime }}</time
          >
        </button>
      } @empty {
        <button i18n mat-menu-item type="button" disabled>No notifications yet.</button>
      }
    </mat-menu>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationBell {
  private readonly notifications = inject(NotificationService);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly locale = inject(LOCALE_ID);
  private readonly refreshes = new Subject<void>();
  private readonly state = signal<NotificationListDto>({
    items: [],
    unread: 0,
    nextCursor: null,
    limit: 0,
  });

  protected readonly items = computed(() => this.state().items);
  protected readonly unread = computed(() => this.state().unread);
  protected readonly badgeText = computed(() => (this.unread() > 99 ? '99+' : String(this.unread())));
  /** The badge is only drawn: the button's own name carries the count ("Notifications, 2 unread"). */
  protected readonly accessibleName = computed(() =>
    this.unread() === 0
      ? $localize`:The bell's name with nothing unread@@bell.name:Notifications`
      : byPlural(this.unread(), this.locale, {
          one: $localize`:The bell's name with one unread notice@@bell.name.one:Notifications, 1 unread`,
          other: $localize`:The bell's name with several unread notices@@bell.name.other:Notifications, ${this.unread()}:count: unread`,
        }),
  );

  constructor() {
    const ticks = interval(NOTIFICATION_POLL_MS).pipe(
      startWith(0),
      // A hidden tab need not poll; the next navigation or tick when visible catches up.
      filter(() => this.document.visibilityState !== 'hidden'),
    );
    const navigations = this.router.events.pipe(filter((event) => event instanceof NavigationEnd));
    merge(ticks, navigations, this.refreshes)
      .pipe(
        switchMap(() => this.notifications.list().pipe(catchError(() => EMPTY))),
        takeUntilDestroyed(),
      )
      .subscribe((list) => this.state.set(list));
  }

  protected refresh(): void {
    this.refreshes.next();
  }

  protected markAllRead(): void {
    const readAt = new Date().toISOString();
    this.state.update((list) => ({
      ...list,
      items: list.items.map((notice) => (notice.readAt ? notice : { ...notice, readAt })),
      unread: 0,
    }));
    // Then the list as the server now has it: what arrived meanwhile, nothing kept stale.
    this.notifications.markAllRead().subscribe({ next: () => this.refresh(), error: () => this.refresh() });
  }

  protected openNotice(notice: NotificationDto): void {
    if (!notice.readAt) {
      const readAt = new Date().toISOString();
      this.state.update((list) => ({
        ...list,
        items: list.items.map((item) => (item.id === notice.id ? { ...item, readAt } : item)),
        unread: Math.max(0, list.unread - 1),
      }));
      this.notifications
        .markRead(notice.id)
        .subscribe({ next: () => this.refresh(), error: () => this.refresh() });
    }
    // Only in-app paths are followed.
    if (notice.link?.startsWith('/') && !notice.link.startsWith('//')) {
      void this.router.navigateByUrl(notice.link);
    }
  }
}
