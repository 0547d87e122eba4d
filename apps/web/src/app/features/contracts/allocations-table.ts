import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { GoalAllocationDto } from '@agency-portal/shared';
import { MoneyPipe } from '../../shared/money/money.pipe';

/** How the contract's budget is split across goals. */
@Component({
  selector: 'ap-allocations-table',
  imports: [MatTableModule, MoneyPipe, RouterLink],
  template: `
    <div class="ap-table-wrap">
      <table mat-table [dataSource]="allocations()" aria-label="Goal allocations" i18n-aria-label>
        <ng-container matColumnDef="goal">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Goal</th>
          <td mat-cell *matCellDef="let allocation">
            @if (linkGoals()) {
              <a [routerLink]="['/goals', allocation.goalId]">{{ allocation.goalName }}</a>
            } @else {
              {{ allocation.goalName }}
            }
          </td>
          <td i18n mat-footer-cell *matFooterCellDef>Total</td>
        </ng-container>
        <ng-container matColumnDef="percent">
          <th i18n mat-header-cell *matHeaderCellDef scope="col" class="ap-number">Percent</th>
          <td mat-cell *matCellDef="let allocation" class="ap-number">{{ allocation.percent }}%</td>
          <td mat-footer-cell *matFooterCellDef class="ap-number" data-testid="allocation-total">
            {{ totalPercent() }}%
          </td>
        </ng-container>
        <ng-container matColumnDef="allocated">
          <th i18n mat-header-cell *matHeaderCellDef scope="col" class="ap-number">Allocated</th>
          <td mat-cell *matCellDef="let allocation" class="ap-number">
            {{ allocation.allocatedMinor | money: currency() }}
          </td>
          <td mat-footer-cell *matFooterCellDef class="ap-number">
            {{ totalAllocatedMinor() | money: currency() }}
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
        <tr mat-footer-row *matFooterRowDef="columns"></tr>
      </table>
    </div>
  `,
  styles: `
    .mat-mdc-footer-cell {
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AllocationsTable {
  readonly allocations = input.required<GoalAllocationDto[]>();
  readonly currency = input.required<string>();
  readonly linkGoals = input(true);

  protected readonly columns = ['goal', 'percent', 'allocated'];
  protected readonly totalPercent = computed(() =>
    this.allocations().reduce((total, allocation) => total + allocation.percent, 0),
  );
  /** A sum of integer minor units of one currency: exact. */
  protected readonly totalAllocatedMinor = computed(() =>
    this.allocations().reduce((total, allocation) => total + allocation.allocatedMinor, 0),
  );
}
