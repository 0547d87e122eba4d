import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import type { AgencyStatus } from '@agency-portal/shared';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { LoadError } from '../../shared/ui/load-error';
import { AgenciesTable } from './agencies-table';
import { AgencyService } from './agency.service';

type StatusFilter = AgencyStatus | 'all';

function toStatusFilter(value: string | undefined): StatusFilter {
  return value === 'offboarded' || value === 'all' ? value : 'active';
}

@Component({
  selector: 'ap-agency-list-page',
  imports: [AgenciesTable, LoadError, MatButtonModule, MatButtonToggleModule, MatProgressBarModule],
  template: `
    <section class="ap-page">
      <header class="ap-page-header">
        <div>
          <h1 i18n>Agencies</h1>
          <p i18n class="ap-subtitle">The agencies the brand works with and who owns each relationship.</p>
        </div>
        @if (canManage()) {
          <div class="ap-page-header__actions">
            <button i18n matButton="filled" type="button" (click)="openNewAgency()">New agency</button>
          </div>
        }
      </header>

      <mat-button-toggle-group
        aria-label="Status" i18n-aria-label
        [value]="statusFilter()"
        (change)="showStatus($event.value)"
        hideSingleSelectionIndicator
      >
        <mat-button-toggle i18n value="active">Active</mat-button-toggle>
        <mat-button-toggle i18n value="offboarded">Offboarded</mat-button-toggle>
        <mat-button-toggle i18n value="all">All</mat-button-toggle>
      </mat-button-toggle-group>

      <div class="ap-progress-slot">
        @if (agencies.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading agencies" i18n-aria-label />
        }
      </div>

      @if (agencies.error(); as error) {
        <ap-load-error [error]="error" (retry)="agencies.reload()" />
      } @else if (agencies.value(); as list) {
        @if (list.length === 0) {
          <div class="ap-empty">
            <p>{{ emptyMessage() }}</p>
          </div>
        } @else {
          <ap-agencies-table [agencies]="list" />
        }
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgencyListPage {
  /** Query parameter: active (default), offboarded or all. */
  readonly status = input<string>();

  private readonly auth = inject(AuthService);
  private readonly service = inject(AgencyService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly canManage = computed(() => this.auth.hasPermission('agency:manage'));
  protected readonly statusFilter = computed(() => toStatusFilter(this.status()));
  protected readonly agencies = createLoader(
    () => this.statusFilter(),
    (filter) => this.service.list(filter === 'all' ? undefined : filter),
  );
  protected readonly emptyMessage = computed(() => {
    switch (this.statusFilter()) {
      case 'active':
        return this.canManage()
          ? $localize`No active agencies yet. Use “New agency” to onboard the first one.`
          : $localize`No active agencies yet.`;
      case 'offboarded':
        return $localize`No agencies have been offboarded.`;
      default:
        return $localize`No agencies yet.`;
    }
  });

  protected showStatus(filter: StatusFilter): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { status: filter === 'active' ? null : filter },
      replaceUrl: true,
    });
  }

  protected openNewAgency(): void {
    void this.router.navigate(['new'], { relativeTo: this.route });
  }
}
