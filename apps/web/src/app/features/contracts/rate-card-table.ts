import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { RateCardItemDto, RateUnit } from '@agency-portal/shared';
import { RATE_UNIT_LABELS } from '../../shared/i18n/labels';
import { MoneyPipe } from '../../shared/money/money.pipe';

@Component({
  selector: 'ap-rate-card-table',
  imports: [MatTableModule, MoneyPipe],
  template: `
    <div class="ap-table-wrap">
      <table mat-table [dataSource]="items()" aria-label="Rate card" i18n-aria-label>
        <ng-container matColumnDef="code">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Code</th>
          <td mat-cell *matCellDef="let item">
            <code>{{ item.code }}</code>
          </td>
        </ng-container>
        <ng-container matColumnDef="description">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Description</th>
          <td mat-cell *matCellDef="let item">{{ item.description }}</td>
        </ng-container>
        <ng-container matColumnDef="unit">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Unit</th>
          <td mat-cell *matCellDef="let item">{{ unitLabel(item.unit) }}</td>
        </ng-container>
        <ng-container matColumnDef="unitPrice">
          <th i18n mat-header-cell *matHeaderCellDef scope="col" class="ap-number">Unit price</th>
          <td mat-cell *matCellDef="let item" class="ap-number">
            {{ item.unitPriceMinor | money: currency() }}
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RateCardTable {
  readonly items = input.required<RateCardItemDto[]>();
  readonly currency = input.required<string>();

  protected readonly columns = ['code', 'description', 'unit', 'unitPrice'];
  protected readonly unitLabel = (unit: RateUnit): string => RATE_UNIT_LABELS[unit];
}
