import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { LoadError } from '../../shared/ui/load-error';
import { BusinessUnitService } from './business-unit.service';
import { BusinessUnitsTable } from './business-units-table';

@Component({
  selector: 'ap-business-unit-list-page',
  imports: [BusinessUnitsTable, LoadError, MatButtonModule, MatProgressBarModule],
  template: `
    <section class="ap-page">
      <header class="ap-page-header">
        <div>
          <h1 i18n>Business units</h1>
          <p i18n class="ap-subtitle">How the organisation’s social work is structured.</p>
        </div>
        @if (canManage()) {
          <div class="ap-page-header__actions">
            <button i18n matButton="filled" type="button" (click)="openNewUnit()">New business unit</button>
          </div>
        }
      </header>

      <div class="ap-progress-slot">
        @if (units.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading business units" i18n-aria-label />
        }
      </div>

      @if (units.error(); as error) {
        <ap-load-error [error]="error" (retry)="units.reload()" />
      } @else if (units.value(); as list) {
        @if (list.length === 0) {
          <div class="ap-empty">
            <p i18n>There are no business units yet.</p>
            @if (canManage()) {
              <p i18n>Use “New business unit” to create the first one.</p>
            }
          </div>
        } @else {
          <ap-business-units-table [units]="list" [canManage]="canManage()" />
        }
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BusinessUnitListPage {
  private readonly auth = inject(AuthService);
  private readonly service = inject(BusinessUnitService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly canManage = computed(() => this.auth.hasPermission('business_unit:manage'));
  protected readonly units = createLoader(
    () => true,
    () => this.service.list(),
  );

  protected openNewUnit(): void {
    void this.router.navigate(['new'], { relativeTo: this.route });
  }
}
