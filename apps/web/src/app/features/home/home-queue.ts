import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { ApiErrorBody, HomeItemDto, HomeQueueDto } from '@agency-portal/shared';
import { toApiError } from '../../core/http/api-error';
import { DueRelativePipe, LocalDatePipe, RelativeTimePipe } from '../../shared/format/local-date.pipe';
import { LoadError } from '../../shared/ui/load-error';
import { DeliverableThumbnail } from '../deliverables/deliverable-thumbnail';
import { HOME_QUEUE_TEXT, homeItemLink } from './home-labels';
import { HomeService } from './home.service';

/**
 * One queue of a home page: its heading, how many rows it holds and how many are overdue, and its
 * rows soonest due first (the oldest overdue leads), each a link named by what it opens and
 * described by its context (step, agency, brief, due). "Show more" reads on from the server.
 */
@Component({
  selector: 'ap-home-queue',
  imports: [
    DeliverableThumbnail,
    DueRelativePipe,
    LoadError,
    LocalDatePipe,
    MatButtonModule,
    RelativeTimePipe,
    RouterLink,
  ],
  template: `
    <section class="ap-home-queue" [attr.aria-labelledby]="headingId()" [attr.data-queue]="queue().key">
      <header class="ap-home-queue__header">
        <h2 class="ap-home-queue__title" [id]="headingId()">{{ text().title }}</h2>
        <p class="ap-home-queue__counts" [attr.data-testid]="'home-count-' + queue().key">
          <span class="ap-home-queue__total">{{ totalText() }}</span>
          @if (queue().overdue > 0) {
            <span i18n="How many rows of a home queue are overdue" class="ap-home-queue__overdue"
              >{{ queue().overdue }} overdue</span
            >
          }
        </p>
      </header>
      <p class="ap-home-queue__description">{{ text().description }}</p>
      @if (items().length === 0) {
        <p class="ap-empty" role="status">{{ text().empty }}</p>
      } @else {
        <ul class="ap-home-queue__rows">
          @for (item of items(); track item.id) {
            <li class="ap-home-row" [class.ap-home-row--overdue]="item.overdue">
              @if (item.kind === 'deliverable') {
                <ap-deliverable-thumbnail [thumbnail]="item.thumbnail" />
              }
              <div class="ap-home-row__main">
                <a
                  class="ap-home-row__title"
                  [routerLink]="linkOf(item)"
                  [attr.aria-describedby]="rowId(item) + '-about'"
                  >{{ item.title }}</a
                >
                <p class="ap-home-row__about" [id]="rowId(item) + '-about'">
                  @if (item.overdue) {
                    <span i18n="A home row that is overdue" class="ap-home-row__flag">Overdue</span>
                  }
                  @if (item.stepName) {
                    <span i18n="The review step a version waits at">Step: {{ item.stepName }}</span>
                  }
                  @if (item.agencyName) {
                    <span>{{ item.agencyName }}</span>
                  }
                  @if (item.briefTitle) {
                    <span i18n="The brief a deliverable belongs to">Brief: {{ item.briefTitle }}</span>
                  }
                  @if (item.versionNumber) {
                    <span i18n="The version of a deliverable under review"
                      >Version {{ item.versionNumber }}</span
                    >
                  }
                  @for (reason of item.attention; track reason) {
                    @if (reason === 'renewal') {
                      <span i18n="A contract in its renewal notice window">In its renewal window</span>
                    } @else {
                      <span i18n="Share of a contract's budget committed or invoiced"
                        >{{ item.budgetUsedPercent }} % of the budget used</span
                      >
                    }
                  }
                  @if (item.kind === 'agency' && item.detail) {
                    <span i18n="An agency's relationship owner who was deactivated"
                      >Owner {{ item.detail }} is deactivated</span
                    >
                  }
                  @if (item.kind === 'user' && item.detail) {
                    <span>{{ item.detail }}</span>
                  }
                  @if (item.kind === 'brief' && item.sentAt) {
                    <span i18n="When a brief was sent to the agency"
                      >Sent {{ item.sentAt | relativeTime }}</span
                    >
                  }
                  @if (item.kind === 'user' && item.sentAt) {
                    <span i18n="When a person was invited">Invited {{ item.sentAt | relativeTime }}</span>
                  }
                  @if (item.kind === 'contract' && item.dueAt) {
                    <span i18n="The last day of a contract">Ends {{ item.dueAt | localDate }}</span>
                  }
                </p>
              </div>
              @if (item.dueAt && item.kind !== 'contract') {
                <span class="ap-home-row__due" [class.ap-home-row__due--late]="item.overdue">{{
                  item.dueAt | dueRelative
                }}</span>
              }
            </li>
          }
        </ul>
        @if (moreError(); as error) {
          <ap-load-error [error]="error" (retry)="showMore()" />
        }
        @if (cursor()) {
          <button
            i18n="Loads more rows of a home queue"
            matButton
            type="button"
            [disabled]="loadingMore()"
            [attr.aria-describedby]="headingId()"
            (click)="showMore()"
          >
            Show more
          </button>
        }
      }
    </section>
  `,
  styles: `
    .ap-home-queue__header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 4px 16px;
    }
    .ap-home-queue__title {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .ap-home-queue__counts {
      display: flex;
      gap: 12px;
      margin: 0;
      font: var(--mat-sys-label-large);
    }
    .ap-home-queue__overdue,
    .ap-home-row__flag,
    .ap-home-row__due--late {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
    .ap-home-queue__description {
      margin: 4px 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .ap-home-queue__rows {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .ap-home-row {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 8px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .ap-home-row__main {
      flex: 1 1 auto;
      min-width: 0;
    }
    .ap-home-row__title {
      font: var(--mat-sys-title-small);
      overflow-wrap: anywhere;
    }
    .ap-home-row__about {
      display: flex;
      flex-wrap: wrap;
      gap: 2px 12px;
      margin: 2px 0 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
      overflow-wrap: anywhere;
    }
    .ap-home-row__due {
      flex: none;
      font: var(--mat-sys-label-medium);
      text-align: end;
    }
    @media (max-width: 599px) {
      .ap-home-row {
        flex-wrap: wrap;
      }
      .ap-home-row__due {
        flex-basis: 100%;
        text-align: start;
        padding-inline-start: 60px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomeQueue {
  private readonly home = inject(HomeService);
  readonly queue = input.required<HomeQueueDto>();

  protected readonly text = computed(() => HOME_QUEUE_TEXT[this.queue().key]);
  protected readonly headingId = computed(() => `home-queue-${this.queue().key}`);
  protected readonly totalText = computed(() => {
    const { count, exact } = this.queue().total;
    return exact
      ? $localize`:How many rows a home queue holds@@home.total:${count}:count: in all`
      : $localize`:How many rows a home queue holds, past the counting cap@@home.totalCapped:more than ${count}:count:`;
  });
  /** Rows read with "Show more", dropped whenever the queue itself is loaded again. */
  private readonly more = linkedSignal<HomeQueueDto, { items: HomeItemDto[]; cursor: string | null }>({
    source: this.queue,
    computation: (queue) => ({ items: [], cursor: queue.nextCursor }),
  });
  protected readonly items = computed(() => {
    const seen = new Set<string>();
    return [...this.queue().items, ...this.more().items].filter(
      (item) => !seen.has(item.id) && seen.add(item.id),
    );
  });
  protected readonly cursor = computed(() => this.more().cursor);
  protected readonly loadingMore = signal(false);
  protected readonly moreError = signal<ApiErrorBody | null>(null);

  protected linkOf(item: HomeItemDto): string {
    return homeItemLink(item);
  }

  protected rowId(item: HomeItemDto): string {
    return `home-${this.queue().key}-${item.id}`;
  }

  protected showMore(): void {
    const cursor = this.cursor();
    if (!cursor || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.moreError.set(null);
    this.home.more(this.queue().key, cursor).subscribe({
      next: (page) => {
        this.more.update((more) => ({ items: [...more.items, ...page.items], cursor: page.nextCursor }));
        this.loadingMore.set(false);
      },
      error: (error: unknown) => {
        this.moreError.set(toApiError(error));
        this.loadingMore.set(false);
      },
    });
  }
}
