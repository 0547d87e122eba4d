import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { KPI_METRIC_LABELS } from '../../shared/i18n/labels';
import { LoadError } from '../../shared/ui/load-error';
import { GoalDashboard } from './goal-dashboard';
import { GoalService } from './goal.service';

/**
 * /goals/:id/print: the goal's dashboard on its own (no navigation), laid out for A4 paper — the KPI
 * chart, spend, cost per result, breakdowns and contributing deliverables, with who printed it and when.
 */
@Component({
  selector: 'ap-goal-print-page',
  imports: [GoalDashboard, LoadError, LocalDatePipe, MatButtonModule, MatProgressBarModule, RouterLink],
  template: `
    <main class="ap-print" data-testid="goal-print">
      <nav class="ap-print__actions" aria-label="Printable page" i18n-aria-label>
        <a i18n matButton [routerLink]="['/goals', id()]">← Back to the goal</a>
        <button i18n matButton="filled" type="button" (click)="printPage()">Print</button>
      </nav>
      <div class="ap-progress-slot">
        @if (goal.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading goal" i18n-aria-label />
        }
      </div>
      @if (goal.error(); as error) {
        <ap-load-error [error]="error" (retry)="goal.reload()" />
      } @else if (goal.value(); as current) {
        <header class="ap-print__header">
          <p i18n class="ap-print__kind">Goal report</p>
          <h1>{{ current.name }}</h1>
          <p class="ap-print__meta">
            {{ current.businessUnitName }} · {{ kpiLabels[current.kpiMetric] }} ·
            {{ current.periodStart | localDate }} – {{ current.periodEnd | localDate }}
          </p>
          <p i18n class="ap-print__meta">
            Printed by {{ readerName() }} on {{ printedAt | localDate: 'dateTime' }}
          </p>
        </header>
        <ap-goal-dashboard [goalId]="current.id" />
      }
    </main>
  `,
  styles: `
    .ap-print {
      max-width: 190mm;
      margin: 0 auto;
      padding: 16px;
    }
    .ap-print__actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 8px;
      margin-bottom: 8px;
    }
    .ap-print__header h1 {
      margin: 0 0 4px;
    }
    .ap-print__kind,
    .ap-print__meta {
      margin: 0 0 4px;
      color: var(--mat-sys-on-surface-variant);
    }
    @media print {
      .ap-print {
        max-width: none;
        padding: 0;
      }
      .ap-print__actions,
      .ap-progress-slot,
      .ap-print button,
      .ap-print mat-paginator {
        display: none !important;
      }
      .ap-print mat-card,
      .ap-print figure,
      .ap-print tr {
        break-inside: avoid;
      }
      .ap-print :is(mat-card, .mat-mdc-card) {
        box-shadow: none;
        border: 1px solid #ccc;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalPrintPage {
  /** Route parameter. */
  readonly id = input.required<string>();

  private readonly goals = inject(GoalService);
  private readonly document = inject(DOCUMENT);
  private readonly auth = inject(AuthService);

  protected readonly kpiLabels = KPI_METRIC_LABELS;
  protected readonly printedAt = new Date().toISOString();
  protected readonly readerName = computed(() => this.auth.user()?.name ?? '');
  protected readonly goal = createLoader(
    () => this.id(),
    (id) => this.goals.get(id),
  );

  protected printPage(): void {
    this.document.defaultView?.print();
  }
}
