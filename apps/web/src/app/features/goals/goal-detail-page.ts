import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import {
  CHANNEL_LABELS,
  FUNNEL_STAGE_LABELS,
  GOAL_STATUS_LABELS,
  KPI_METRIC_LABELS,
} from '../../shared/i18n/labels';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { LoadError } from '../../shared/ui/load-error';
import { StatusChip } from '../../shared/ui/status-chip';
import type { GoalContractRef } from '@agency-portal/shared';
import { formatMoney } from '@agency-portal/shared';
import { ExportMenu } from '../../shared/export/export-menu';
import { DigestToggle } from '../digests/digest-toggle';
import { GoalContractsTable } from './goal-contracts-table';
import { GoalDashboard } from './goal-dashboard';
import { GOAL_STATUS_TONES } from './goal-labels';
import { GoalTargetPipe } from './goal-target.pipe';
import { GoalService } from './goal.service';

/**
 * /goals/:id: what the goal is, the contracts whose budget serves it, and its dashboard (KPI against
 * target, pace, spend, cost per result, contributing deliverables). Read-only but for "Edit".
 */
@Component({
  selector: 'ap-goal-detail-page',
  imports: [
    DigestToggle,
    ExportMenu,
    LocalDatePipe,
    GoalContractsTable,
    GoalDashboard,
    GoalTargetPipe,
    LoadError,
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatProgressBarModule,
    RouterLink,
    StatusChip,
  ],
  templateUrl: './goal-detail-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalDetailPage {
  /** Route parameter. */
  readonly id = input.required<string>();

  private readonly auth = inject(AuthService);
  private readonly goals = inject(GoalService);
  private readonly router = inject(Router);
  private readonly locale = inject(LOCALE_ID);

  protected readonly kpiLabels = KPI_METRIC_LABELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly funnelStageLabels = FUNNEL_STAGE_LABELS;
  protected readonly statusLabels = GOAL_STATUS_LABELS;
  protected readonly statusTones = GOAL_STATUS_TONES;
  protected readonly canManage = computed(() => this.auth.hasPermission('goal:manage'));
  protected readonly canSubscribe = computed(() => this.auth.hasPermission('digest:subscribe'));
  protected readonly canReadContracts = computed(() => this.auth.hasPermission('contract:read'));
  protected readonly goal = createLoader(
    () => this.id(),
    (id) => this.goals.get(id),
  );

  protected exportUrl(goalId: string): string {
    return `/api/goal-reports/${encodeURIComponent(goalId)}/export`;
  }

  /** "KRW 18,000,000 · IDR 25,000,000,000 allocated to this goal": per currency, never added across currencies. */
  protected allocationSummary(contracts: readonly GoalContractRef[]): string {
    const byCurrency = new Map<string, number>();
    for (const contract of contracts) {
      byCurrency.set(contract.currency, (byCurrency.get(contract.currency) ?? 0) + contract.allocatedMinor);
    }
    const amounts = [...byCurrency]
      .map(([currency, minor]) => formatMoney(minor, currency, this.locale))
      .join(' · ');
    return $localize`:Sum of a goal's allocated budget, per currency@@goal.allocatedSummary:${amounts}:amounts: allocated to this goal`;
  }

  protected editGoal(): void {
    void this.router.navigate(['/goals', this.id(), 'edit']);
  }
}
