import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ApiErrorBody, DigestSubscriptionDto } from '@agency-portal/shared';
import { toApiError } from '../../core/http/api-error';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { DigestService } from './digest.service';

/** The profile's "Weekly digests": what the person subscribed to, page by page, each with Unsubscribe. */
@Component({
  selector: 'ap-my-digests',
  imports: [LocalDatePipe, MatButtonModule, MatCardModule, MatProgressBarModule, RouterLink],
  template: `
    <mat-card appearance="outlined" data-testid="my-digests">
      <mat-card-content>
        <h2 i18n id="my-digests-title">Weekly digests</h2>
        <p i18n class="ap-note">
          Every Monday morning in your time zone, an e-mail in your language with the goal's KPI against
          target and pace, its spend and what changed that week.
        </p>
        <div class="ap-progress-slot">
          @if (loading()) {
            <mat-progress-bar mode="indeterminate" aria-label="Loading your digests" i18n-aria-label />
          }
        </div>
        @if (error(); as failure) {
          <p class="ap-form-error" role="alert">{{ failure.message }}</p>
        }
        @if (items().length === 0 && !loading() && !error()) {
          <p i18n="@@digests.none" class="ap-empty">
            You get no weekly digest. Turn one on from a goal's dashboard, or from the goal overview filtered
            to a business unit.
          </p>
        } @else {
          <ul class="ap-digests" aria-labelledby="my-digests-title">
            @for (item of items(); track item.id) {
              <li>
                <div>
                  <a
                    [routerLink]="item.subject === 'goal' ? ['/goals', item.subjectId] : ['/goals/overview']"
                    [queryParams]="item.subject === 'goal' ? {} : { businessUnitId: item.subjectId }"
                  >
                    {{ item.name }}
                  </a>
                  <span class="ap-digests__meta">
                    @if (item.subject === 'goal') {
                      <ng-container i18n="Kind of a digest's subject">Goal</ng-container>
                    } @else {
                      <ng-container i18n="Kind of a digest's subject">Business unit</ng-container>
                    }
                    @if (item.lastSentAt; as sent) {
                      · <ng-container i18n>last sent {{ sent | localDate }}</ng-container>
                    }
                  </span>
                </div>
                <button
                  i18n
                  matButton
                  type="button"
                  [disabled]="removing() === item.id"
                  (click)="unsubscribe(item)"
                >
                  Unsubscribe
                </button>
              </li>
            }
          </ul>
          @if (nextCursor()) {
            <button i18n matButton="outlined" type="button" [disabled]="loading()" (click)="loadMore()">
              Show more
            </button>
          }
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .ap-digests {
      list-style: none;
      margin: 0 0 12px;
      padding: 0;
    }
    .ap-digests li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .ap-digests__meta {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyDigests {
  private readonly digests = inject(DigestService);
  protected readonly items = signal<DigestSubscriptionDto[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly removing = signal<string | null>(null);
  protected readonly error = signal<ApiErrorBody | null>(null);

  constructor() {
    this.load();
  }

  protected loadMore(): void {
    this.load(this.nextCursor() ?? undefined);
  }

  protected unsubscribe(item: DigestSubscriptionDto): void {
    this.removing.set(item.id);
    this.error.set(null);
    this.digests.unsubscribe(item.id).subscribe({
      next: () => {
        this.items.update((items) => items.filter((other) => other.id !== item.id));
        this.removing.set(null);
      },
      error: (failure: unknown) => {
        this.error.set(toApiError(failure));
        this.removing.set(null);
      },
    });
  }

  private load(cursor?: string): void {
    this.loading.set(true);
    this.error.set(null);
    this.digests.list({ limit: 25, ...(cursor ? { cursor } : {}) }).subscribe({
      next: (page) => {
        this.items.update((items) => [...items, ...page.items]);
        this.nextCursor.set(page.nextCursor);
        this.loading.set(false);
      },
      error: (failure: unknown) => {
        this.error.set(toApiError(failure));
        this.loading.set(false);
      },
    });
  }
}
