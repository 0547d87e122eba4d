import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { ExportMenu } from '../../shared/export/export-menu';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { ScorecardQuarter } from '@agency-portal/shared';
import { isAgencyRole, isQuarter } from '@agency-portal/shared';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { ApChart } from '../../shared/chart/chart';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { LoadError } from '../../shared/ui/load-error';
import { ScorecardService } from './scorecard.service';
import { ScorecardPage } from './scorecard-page';
import { roundsSeries, trendSeries } from './scorecard-view';

/** How many quarters the trend shows. */
const TREND_QUARTERS = 4;

/**
 * /scorecards/agencies/:agencyId: one agency's figures for a quarter with what each means, and
 * their trend over the quarters before it. An agency user reaches only their own (the API answers
 * another agency's id as not found).
 */
@Component({
  selector: 'ap-scorecard-agency-page',
  imports: [
    ApChart,
    ExportMenu,
    LoadError,
    LocalDatePipe,
    MatCardModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    MoneyPipe,
    RouterLink,
  ],
  templateUrl: './scorecard-agency-page.html',
  styles: `
    .ap-figures {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 12px;
      margin: 0;
    }
    .ap-figure {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 12px 16px;
    }
    .ap-figure dt {
      font: var(--mat-sys-title-small);
    }
    .ap-figure dd {
      margin: 4px 0 0;
    }
    .ap-figure__value {
      font: var(--mat-sys-headline-small);
    }
    .ap-secondary {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .ap-scorecard-section {
      margin-top: 24px;
    }
    .ap-charts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 360px), 1fr));
      gap: 24px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScorecardAgencyPage extends ScorecardPage {
  readonly agencyId = input.required<string>();
  /** From the URL (`?quarter=2026-Q3`); the current quarter when absent. */
  readonly quarter = input<string | undefined>(undefined);

  private readonly router = inject(Router);
  private readonly scorecards = inject(ScorecardService);
  private readonly auth = inject(AuthService);

  protected readonly inHouse = computed(() => {
    const user = this.auth.user();
    return user !== null && !isAgencyRole(user.role);
  });

  protected readonly chosenQuarter = computed(() => {
    const quarter = this.quarter();
    return quarter && isQuarter(quarter) ? quarter : '';
  });
  protected readonly scorecard = createLoader(
    () => ({ agencyId: this.agencyId(), quarter: this.chosenQuarter() }),
    ({ agencyId, quarter }) =>
      this.scorecards.agency(agencyId, { quarters: TREND_QUARTERS, ...(quarter ? { quarter } : {}) }),
  );
  protected readonly exportUrl = computed(() => `/api/scorecards/agencies/${this.agencyId()}/export`);
  protected readonly exportParams = computed(() => ({
    quarters: TREND_QUARTERS,
    quarter: this.chosenQuarter() || undefined,
  }));
  /** The chosen quarter: the trend's last. */
  protected readonly latest = computed<ScorecardQuarter | null>(
    () => this.scorecard.value()?.quarters.at(-1) ?? null,
  );
  protected readonly trend = computed(() => {
    const value = this.scorecard.value();
    return value ? trendSeries(value.quarters) : null;
  });
  protected readonly rounds = computed(() => {
    const value = this.scorecard.value();
    return value ? roundsSeries(value.quarters) : [];
  });
  protected readonly formatPercentValue = (value: number) =>
    new Intl.NumberFormat(this.locale, { maximumFractionDigits: 1 }).format(value) + ' %';
  protected readonly formatRounds = (value: number) =>
    new Intl.NumberFormat(this.locale, { maximumFractionDigits: 2 }).format(value);

  protected count(value: number): string {
    return new Intl.NumberFormat(this.locale, { maximumFractionDigits: 0 }).format(value);
  }

  protected chooseQuarter(quarter: string): void {
    void this.router.navigate([], {
      queryParams: { quarter: quarter || null },
      queryParamsHandling: 'merge',
    });
  }
}
