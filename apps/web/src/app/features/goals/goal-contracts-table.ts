import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { GoalContractRef } from '@agency-portal/shared';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { StatusChip } from '../../shared/ui/status-chip';
import { contractStatusLabel, contractStatusTone } from '../contracts/contract-labels';

/** The contracts whose budget is allocated (in part) to a goal. */
@Component({
  selector: 'ap-goal-contracts-table',
  imports: [MatTableModule, MoneyPipe, RouterLink, StatusChip],
  template: `
    <div class="ap-table-wrap">
      <table mat-table [dataSource]="contracts()" aria-label="Contracts serving this goal" i18n-aria-label>
        <ng-container matColumnDef="reference">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Reference</th>
          <td mat-cell *matCellDef="let contract">
            @if (contract.mayOpen) {
              <a [routerLink]="['/contracts', contract.contractId]">{{ contract.reference }}</a>
            } @else {
              {{ contract.reference }}
            }
            <div class="ap-secondary">{{ contract.title }}</div>
          </td>
        </ng-container>
        <ng-container matColumnDef="agency">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Agency</th>
          <td mat-cell *matCellDef="let contract">{{ contract.agencyName }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Status</th>
          <td mat-cell *matCellDef="let contract">
            <ap-status-chip [label]="statusLabel(contract.status)" [tone]="statusTone(contract.status)" />
          </td>
        </ng-container>
        <ng-container matColumnDef="percent">
          <th i18n mat-header-cell *matHeaderCellDef scope="col" class="ap-number">Percent</th>
          <td mat-cell *matCellDef="let contract" class="ap-number">{{ contract.percent }}%</td>
        </ng-container>
        <ng-container matColumnDef="allocated">
          <th i18n mat-header-cell *matHeaderCellDef scope="col" class="ap-number">Allocated</th>
          <td mat-cell *matCellDef="let contract" class="ap-number">
            {{ contract.allocatedMinor | money: contract.currency }}
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </div>
  `,
  styles: `
    .ap-secondary {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalContractsTable {
  /** Each says whether the reader may open it (`mayOpen`): a viewer reads the allocation only. */
  readonly contracts = input.required<GoalContractRef[]>();

  protected readonly columns = ['reference', 'agency', 'status', 'percent', 'allocated'];
  protected readonly statusLabel = contractStatusLabel;
  protected readonly statusTone = contractStatusTone;
}
