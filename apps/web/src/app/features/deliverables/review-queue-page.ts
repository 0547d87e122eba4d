import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { createLoader } from '../../core/data/loader';
import { LoadError } from '../../shared/ui/load-error';
import { DeliverableService } from './deliverable.service';
import { DeliverablesTable } from './deliverables-table';

/** /reviews: deliverables in review whose current step the user may decide. */
@Component({
  selector: 'ap-review-queue-page',
  imports: [DeliverablesTable, LoadError, MatButtonModule, MatProgressBarModule],
  template: `
    <section class="ap-page">
      <header class="ap-page-header">
        <div>
          <h1 i18n>Review queue</h1>
          <p i18n class="ap-subtitle">Versions waiting for your decision at their current approval step.</p>
        </div>
        <div class="ap-page-header__actions">
          <button i18n matButton="outlined" type="button" [disabled]="queue.loading()" (click)="queue.reload()">
            Refresh
          </button>
        </div>
      </header>
      <div class="ap-progress-slot">
        @if (queue.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading the review queue" i18n-aria-label />
        }
      </div>
      @if (queue.error(); as error) {
        <ap-load-error [error]="error" (retry)="queue.reload()" />
      } @else if (queue.value(); as list) {
        @if (list.length === 0) {
          <div class="ap-empty">
            <p i18n>Nothing is waiting for you. New versions appear here when it is your turn.</p>
          </div>
        } @else {
          <ap-deliverables-table [deliverables]="list" [showStep]="true" label="Review queue" i18n-label />
        }
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewQueuePage {
  private readonly deliverables = inject(DeliverableService);

  protected readonly queue = createLoader(
    () => true,
    () => this.deliverables.list({ awaitingMe: true }),
  );
}
