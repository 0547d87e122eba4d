import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { FinanceQueue, FinanceQueueCountsDto } from '@agency-portal/shared';
import { createLoader } from '../../core/data/loader';
import { LoadError } from '../../shared/ui/load-error';
import { InvoiceService } from './invoice.service';
import { InvoicesTable } from './invoices-table';

interface QueueCard {
  queue: FinanceQueue;
  label: string;
  description: string;
  count: number;
  /** The invoice list's filters that show the same invoices. */
  queryParams: Record<string, string>;
}

/** How many invoices the oldest-due list on the home page shows. */
const OLDEST_SHOWN = 5;

/**
 * Finance's home: what waits for them — to decide, approved but unpaid, overdue for payment —
 * with counts, each opening the invoice list filtered the same way, and the invoices to decide
 * that fall due first.
 */
@Component({
  selector: 'ap-finance-queues',
  imports: [InvoicesTable, LoadError, MatButtonModule, MatCardModule, MatProgressBarModule, RouterLink],
  template: `
    <section aria-labelledby="finance-queues-title" class="ap-queues">
      <h2 i18n id="finance-queues-title" class="ap-queues__title">Waiting for finance</h2>
      <div class="ap-progress-slot">
        @if (counts.loading() || oldest.loading()) {
          <mat-progress-bar
            mode="indeterminate"
            aria-label="Loading what waits for finance"
            i18n-aria-label
          />
        }
      </div>
      @if (counts.error(); as error) {
        <ap-load-error [error]="error" (retry)="counts.reload()" />
      } @else {
        <ul class="ap-queues__cards">
          @for (card of cards(); track card.queue) {
            <li>
              <mat-card
                appearance="outlined"
                class="ap-queue"
                [class.ap-queue--urgent]="card.queue === 'overdue' && card.count > 0"
              >
                <mat-card-content>
                  <p class="ap-queue__count" [attr.data-testid]="'queue-' + card.queue">{{ card.count }}</p>
                  <h3 class="ap-queue__label" [id]="'queue-' + card.queue">{{ card.label }}</h3>
                  <p class="ap-queue__description">{{ card.description }}</p>
                </mat-card-content>
                <mat-card-actions>
                  <a
                    i18n="Opens the invoices of one finance queue"
                    matButton
                    routerLink="/invoices"
                    [queryParams]="card.queryParams"
                    [attr.aria-describedby]="'queue-' + card.queue"
                    >Show invoices</a
                  >
                </mat-card-actions>
              </mat-card>
            </li>
          }
        </ul>
      }
      @if (oldest.error(); as error) {
        <ap-load-error [error]="error" (retry)="oldest.reload()" />
      } @else if (oldest.value(); as page) {
        @if (page.items.length > 0) {
          <h3 i18n class="ap-queues__subtitle">To decide, falling due first</h3>
          <ap-invoices-table [invoices]="page.items" />
        } @else if (counts.value()) {
          <p i18n class="ap-empty" role="status">No invoice waits for a decision.</p>
        }
      }
    </section>
  `,
  styles: `
    .ap-queues__title {
      font: var(--mat-sys-title-medium);
    }
    .ap-queues__subtitle {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-small);
    }
    .ap-queues__cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 16px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .ap-queue {
      height: 100%;
    }
    .ap-queue--urgent .ap-queue__count {
      color: var(--mat-sys-error);
    }
    .ap-queue__count {
      margin: 0;
      font: var(--mat-sys-display-small);
    }
    .ap-queue__label {
      margin: 4px 0;
      font: var(--mat-sys-title-small);
    }
    .ap-queue__description {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FinanceQueues {
  private readonly invoices = inject(InvoiceService);

  protected readonly counts = createLoader(
    () => true,
    () => this.invoices.queueCounts(),
  );
  protected readonly oldest = createLoader(
    () => true,
    () => this.invoices.list({ status: 'submitted', sort: 'dueDate', limit: OLDEST_SHOWN }),
  );
  protected readonly cards = computed((): QueueCard[] => {
    const counts: FinanceQueueCountsDto = this.counts.value() ?? {
      toDecide: 0,
      awaitingPayment: 0,
      overdue: 0,
    };
    return [
      {
        queue: 'to_decide',
        label: $localize`:Finance queue — submitted invoices@@financeQueue.to_decide:To decide`,
        description: $localize`Submitted invoices waiting for an approval or a rejection.`,
        count: counts.toDecide,
        queryParams: { status: 'submitted', sort: 'dueDate' },
      },
      {
        queue: 'awaiting_payment',
        label: $localize`:Finance queue — approved, unpaid invoices@@financeQueue.awaiting_payment:Approved, not yet paid`,
        description: $localize`Approved invoices to pay and mark paid.`,
        count: counts.awaitingPayment,
        queryParams: { status: 'approved', sort: 'dueDate' },
      },
      {
        queue: 'overdue',
        label: $localize`:Finance queue — approved invoices past due@@financeQueue.overdue:Overdue for payment`,
        description: $localize`Approved invoices past their due date and still unpaid.`,
        count: counts.overdue,
        queryParams: { overdue: 'true', sort: 'dueDate' },
      },
    ];
  });
}
