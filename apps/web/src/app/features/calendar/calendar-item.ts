import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { CalendarItemDto } from '@agency-portal/shared';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { CHANNEL_LABELS, DELIVERABLE_STATUS_LABELS } from '../../shared/i18n/labels';

/**
 * One deliverable on a calendar day: a link to its page naming the channel, the title, the status
 * (and the agency, for in-house readers who see several); the publish time once it went out.
 */
@Component({
  selector: 'ap-calendar-item',
  imports: [LocalDatePipe, RouterLink],
  template: `
    @let entry = item();
    <a
      class="ap-cal-item"
      [class]="'ap-cal-item--' + entry.status"
      [routerLink]="['/deliverables', entry.id]"
      [attr.aria-label]="label()"
      data-testid="calendar-item"
    >
      <span class="ap-cal-item__line">
        @if (entry.placedBy === 'published' && entry.publishedAt) {
          <span class="ap-cal-item__time">{{ entry.publishedAt | localDate: 'time' }}</span>
        }
        @if (entry.channel) {
          <span class="ap-cal-item__channel">{{ channelLabels[entry.channel] }}</span>
        }
        <span class="ap-cal-item__title">{{ entry.title }}</span>
      </span>
      @if (detailed()) {
        <span class="ap-cal-item__meta">
          {{ statusLabels[entry.status] }}
          @if (showAgency()) {
            · {{ entry.agencyName }}
          }
          · {{ entry.briefTitle }}
        </span>
      }
    </a>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .ap-cal-item {
      display: block;
      padding: 2px 6px;
      border-radius: 6px;
      border-inline-start: 4px solid var(--mat-sys-outline);
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
      text-decoration: none;
      font-size: 0.8125rem;
      line-height: 1.3;
    }
    .ap-cal-item:hover,
    .ap-cal-item:focus-visible {
      background: var(--mat-sys-surface-container-highest);
    }
    .ap-cal-item--in_review,
    .ap-cal-item--changes_requested {
      border-inline-start-color: var(--mat-sys-tertiary);
    }
    .ap-cal-item--approved {
      border-inline-start-color: var(--mat-sys-primary);
    }
    .ap-cal-item--published {
      border-inline-start-color: var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .ap-cal-item--rejected {
      border-inline-start-color: var(--mat-sys-error);
    }
    .ap-cal-item__line {
      display: block;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    :host-context(.ap-cal-detailed) .ap-cal-item__line {
      white-space: normal;
    }
    .ap-cal-item__time,
    .ap-cal-item__channel {
      font-weight: 600;
      margin-inline-end: 4px;
    }
    .ap-cal-item__meta {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.75rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarItem {
  readonly item = input.required<CalendarItemDto>();
  /** Status, agency and brief on a second line (the agenda); the month grid shows one line. */
  readonly detailed = input(false);
  readonly showAgency = input(false);

  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly statusLabels = DELIVERABLE_STATUS_LABELS;
  protected readonly label = computed(() => {
    const entry = this.item();
    const channel = entry.channel ? `${CHANNEL_LABELS[entry.channel]}: ` : '';
    const status = DELIVERABLE_STATUS_LABELS[entry.status];
    return this.showAgency()
      ? $localize`:Accessible name of a deliverable on the calendar, with its agency@@calendar.item.labelAgency:${channel}:channel:${entry.title}:title:, ${status}:status:, ${entry.agencyName}:agency:`
      : $localize`:Accessible name of a deliverable on the calendar@@calendar.item.label:${channel}:channel:${entry.title}:title:, ${status}:status:`;
  });
}
