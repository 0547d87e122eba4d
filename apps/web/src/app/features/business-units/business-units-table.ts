import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { BusinessUnitDto, OperatingModel } from '@agency-portal/shared';
import { OPERATING_MODEL_LABELS } from '../../shared/i18n/labels';

@Component({
  selector: 'ap-business-units-table',
  imports: [MatButtonModule, MatTableModule, RouterLink],
  template: `
    <div class="ap-table-wrap">
      <table mat-table [dataSource]="units()" aria-label="Business units" i18n-aria-label>
        <ng-container matColumnDef="name">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Name</th>
          <td mat-cell *matCellDef="let unit">{{ unit.name }}</td>
        </ng-container>
        <ng-container matColumnDef="operatingModel">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Operating model</th>
          <td mat-cell *matCellDef="let unit">{{ operatingModelLabel(unit.operatingModel) }}</td>
        </ng-container>
        <ng-container matColumnDef="parent">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Parent unit</th>
          <td mat-cell *matCellDef="let unit">{{ unit.parentName ?? '—' }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef scope="col">
            <span i18n class="ap-visually-hidden">Actions</span>
          </th>
          <td mat-cell *matCellDef="let unit" class="ap-actions-cell">
            <a i18n matButton [routerLink]="[unit.id, 'edit']"
              >Edit<span class="ap-visually-hidden"> {{ unit.name }}</span></a
            >
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let row; columns: columns()"></tr>
      </table>
    </div>
  `,
  styles: `
    .ap-actions-cell {
      text-align: right;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BusinessUnitsTable {
  readonly units = input.required<BusinessUnitDto[]>();
  readonly canManage = input(false);

  protected readonly operatingModelLabel = (model: OperatingModel): string => OPERATING_MODEL_LABELS[model];

  protected readonly columns = computed(() =>
    this.canManage() ? ['name', 'operatingModel', 'parent', 'actions'] : ['name', 'operatingModel', 'parent'],
  );
}
