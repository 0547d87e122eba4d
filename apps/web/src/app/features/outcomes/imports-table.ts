import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { DecimalPipe } from '@angular/common';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { ImportSource, ImportStatus, ImportTarget, MetricImportDto } from '@agency-portal/shared';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { StatusChip } from '../../shared/ui/status-chip';
import {
  IMPORT_SOURCE_LABELS,
  IMPORT_STATUS_LABELS,
  IMPORT_STATUS_TONES,
  IMPORT_TARGET_LABELS,
} from './import-labels';

/** Imports newest first: when, the file (to its result page), what it holds, where it stands and its counts. */
@Component({
  selector: 'ap-imports-table',
  imports: [DecimalPipe, LocalDatePipe, MatTableModule, RouterLink, StatusChip],
  template: `
    <div class="ap-table-wrap">
      <table mat-table [dataSource]="imports()" aria-label="Metric imports" i18n-aria-label="@@imports.table">
        <ng-container matColumnDef="createdAt">
          <th
            i18n="Column: when an import was uploaded@@imports.column.createdAt"
            mat-header-cell
            *matHeaderCellDef
            scope="col"
          >
            Uploaded
          </th>
          <td mat-cell *matCellDef="let item">{{ item.createdAt | localDate: 'dateTime' }}</td>
        </ng-container>
        <ng-container matColumnDef="file">
          <th
            i18n="Column: the imported file@@imports.column.file"
            mat-header-cell
            *matHeaderCellDef
            scope="col"
          >
            File
          </th>
          <td mat-cell *matCellDef="let item">
            <a [routerLink]="['/imports', item.id]">{{ item.fileName ?? sourceLabel(item.source) }}</a>
            <span class="ap-hint ap-imports__by">{{ item.createdBy.name }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="target">
          <th
            i18n="Column: what an import holds@@imports.column.target"
            mat-header-cell
            *matHeaderCellDef
            scope="col"
          >
            Holds
          </th>
          <td mat-cell *matCellDef="let item">{{ targetLabel(item.target) }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th i18n="@@imports.column.status" mat-header-cell *matHeaderCellDef scope="col">Status</th>
          <td mat-cell *matCellDef="let item">
            <ap-status-chip [label]="statusLabel(item.status)" [tone]="statusTone(item.status)" />
          </td>
        </ng-container>
        <ng-container matColumnDef="counts">
          <th
            i18n="
              Column: rows an import inserted, updated, left unchanged, and its errors@@imports.column.counts"
            mat-header-cell
            *matHeaderCellDef
            scope="col"
          >
            Rows
          </th>
          <td mat-cell *matCellDef="let item">
            @if (item.status === 'refused') {
              <span i18n="Line errors of a refused import@@imports.errorCount"
                >{{ item.counts.errors | number }} errors</span
              >
            } @else if (item.status === 'imported') {
              <span i18n="Rows an import added, changed and found already stored@@imports.rowCounts"
                >{{ item.counts.inserted | number }} new · {{ item.counts.updated | number }} updated ·
                {{ item.counts.unchanged | number }} unchanged</span
              >
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </div>
  `,
  styles: `
    .ap-imports__by {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportsTable {
  readonly imports = input.required<MetricImportDto[]>();

  protected readonly columns = ['createdAt', 'file', 'target', 'status', 'counts'];
  protected readonly sourceLabel = (source: ImportSource): string => IMPORT_SOURCE_LABELS[source];
  protected readonly targetLabel = (target: ImportTarget): string => IMPORT_TARGET_LABELS[target];
  protected readonly statusLabel = (status: ImportStatus): string => IMPORT_STATUS_LABELS[status];
  protected readonly statusTone = (status: ImportStatus) => IMPORT_STATUS_TONES[status];
}
