import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  LOCALE_ID,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ApiErrorBody, GoalDeliverableRow } from '@agency-portal/shared';
import type { Subscription } from 'rxjs';
import { toApiError } from '../../core/http/api-error';
import { CHANNEL_LABELS } from '../../shared/i18n/labels';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { LoadError } from '../../shared/ui/load-error';
import { GoalReportService } from './goal-report.service';
import { formatCount, formatRatio } from './goal-report-view';

/**
 * The master assets serving a goal, a page at a time: each with what it and all its cut-downs
 * cost and returned together, and its cuts beneath it. Rows link down to the deliverables.
 */
@Component({
  selector: 'ap-goal-deliverables-table',
  imports: [LoadError, MatButtonModule, MatProgressBarModule, MoneyPipe, RouterLink],
  template: `
    @if (error(); as failure) {
      <ap-load-error [error]="failure" (retry)="load(null)" />
    }
    @if (rows().length === 0 && !loading() && !error()) {
      <p i18n class="ap-empty">No deliverable serves this goal yet.</p>
    } @else if (rows().length > 0) {
      <div class="ap-table-wrap">
        <table
          class="ap-simple-table"
          aria-label="Master assets serving this goal, with their cut-downs"
          i18n-aria-label
        >
          <thead>
            <tr>
              <th i18n scope="col">Deliverable</th>
              <th i18n scope="col">Agency</th>
              <th i18n="Column: how many cut-downs a master asset has" scope="col" class="ap-number">Cuts</th>
              <th i18n="Column: money invoiced for a goal" scope="col" class="ap-number">Spend</th>
              <th i18n="Column: impressions a goal's deliverables had" scope="col" class="ap-number">
                Impressions
              </th>
              <th i18n="Column: cost per thousand impressions" scope="col" class="ap-number">
                Per 1,000 impressions
              </th>
              <th i18n="Column: return on spend" scope="col" class="ap-number">ROI</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.id) {
              <tr data-testid="goal-master-row">
                <th scope="row">
                  <a [routerLink]="['/deliverables', row.id]">{{ row.title }}</a>
                  <div class="ap-secondary">{{ row.briefTitle }} · {{ channel(row.channel) }}</div>
                </th>
                <td>{{ row.agencyName }}</td>
                <td class="ap-number">{{ row.cutCount }}</td>
                <td class="ap-number">
                  {{ spendVisible() ? (row.total.spendMinor | money: row.total.currency) : '—' }}
                </td>
                <td class="ap-number">{{ count(row.total.impressions) }}</td>
                <td class="ap-number">
                  {{ row.total.perThousandImpressionsMinor | money: row.total.currency }}
                </td>
                <td class="ap-number">{{ ratio(row.total.roi) }}</td>
              </tr>
              @for (cut of row.cuts; track cut.id) {
                <tr class="ap-cut">
                  <th scope="row">
                    <span aria-hidden="true">↳ </span>
                    <a [routerLink]="['/deliverables', cut.id]">{{ cut.title }}</a>
                    <div class="ap-secondary">{{ channel(cut.channel) }}</div>
                  </th>
                  <td></td>
                  <td></td>
                  <td class="ap-number">
                    {{ spendVisible() ? (cut.figures.spendMinor | money: cut.figures.currency) : '—' }}
                  </td>
                  <td class="ap-number">{{ count(cut.figures.impressions) }}</td>
                  <td class="ap-number">
                    {{ cut.figures.perThousandImpressionsMinor | money: cut.figures.currency }}
                  </td>
                  <td class="ap-number">{{ ratio(cut.figures.roi) }}</td>
                </tr>
              }
            }
          </tbody>
        </table>
      </div>
    }
    <div class="ap-progress-slot">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading deliverables" i18n-aria-label />
      }
    </div>
    @if (nextCursor() && !loading()) {
      <button
        i18n="Loads the next page of a list below the rows shown"
        matButton="outlined"
        type="button"
        (click)="load(nextCursor())"
      >
        Show more
      </button>
    }
  `,
  styles: `
    .ap-secondary {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .ap-cut th {
      padding-left: 24px;
      font-weight: normal;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalDeliverablesTable {
  readonly goalId = input.required<string>();
  readonly spendVisible = input(true);

  private readonly locale = inject(LOCALE_ID);
  private readonly reports = inject(GoalReportService);
  private subscription: Subscription | undefined;

  protected readonly rows = signal<GoalDeliverableRow[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<ApiErrorBody | null>(null);

  constructor() {
    effect(() => {
      this.goalId();
      untracked(() => this.load(null));
    });
    inject(DestroyRef).onDestroy(() => this.subscription?.unsubscribe());
  }

  /** The first page (cursor null, replacing the rows) or the next one (appended). */
  protected load(cursor: string | null): void {
    this.subscription?.unsubscribe();
    this.loading.set(true);
    this.error.set(null);
    this.subscription = this.reports.deliverables(this.goalId(), cursor ? { cursor } : {}).subscribe({
      next: (page) => {
        this.rows.update((rows) => (cursor ? [...rows, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
        this.loading.set(false);
      },
      error: (failure: unknown) => {
        this.error.set(toApiError(failure));
        this.loading.set(false);
      },
    });
  }

  protected channel(channel: GoalDeliverableRow['channel']): string {
    return channel ? CHANNEL_LABELS[channel] : '—';
  }

  protected count(value: number | null): string {
    return formatCount(value, this.locale);
  }

  protected ratio(value: number | null): string {
    return formatRatio(value, this.locale);
  }
}
