import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { MetricImportDto } from '@agency-portal/shared';
import { DataTable, TableCellDef } from '../../shared/table/data-table';
import { type TableColumn, dateCell, linkCell, statusCell, textCell } from '../../shared/table/table-column';
import {
  IMPORT_SOURCE_LABELS,
  IMPORT_STATUS_LABELS,
  IMPORT_STATUS_TONES,
  IMPORT_TARGET_LABELS,
} from './import-labels';

const COLUMNS: readonly TableColumn<MetricImportDto>[] = [
  {
    id: 'createdAt',
    header: $localize`:Column — when an import was uploaded@@imports.column.createdAt:Uploaded`,
    cell: dateCell((item) => item.createdAt, 'dateTime'),
  },
  {
    id: 'file',
    header: $localize`:Column — the imported file@@imports.column.file:File`,
    cell: linkCell(
      (item) => ['/imports', item.id],
      (item) => item.fileName ?? IMPORT_SOURCE_LABELS[item.source],
      (item) => item.createdBy.name,
    ),
  },
  {
    id: 'target',
    header: $localize`:Column — what an import holds@@imports.column.target:Holds`,
    cell: textCell((item) => IMPORT_TARGET_LABELS[item.target]),
  },
  {
    id: 'status',
    header: $localize`:@@imports.column.status:Status`,
    cell: statusCell(
      (item) => IMPORT_STATUS_LABELS[item.status],
      (item) => IMPORT_STATUS_TONES[item.status],
    ),
  },
  {
    id: 'counts',
    header: $localize`:Column — rows an import inserted, updated, left unchanged, and its errors@@imports.column.counts:Rows`,
  },
];

/** Imports newest first: when, the file (to its result page), what it holds, where it stands and its counts. */
@Component({
  selector: 'ap-imports-table',
  imports: [DataTable, DecimalPipe, TableCellDef],
  template: `
    <ap-data-table [rows]="imports()" [columns]="columns" [label]="label">
      <ng-template apCell="counts" [apCellOf]="imports()" let-item>
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
      </ng-template>
    </ap-data-table>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportsTable {
  readonly imports = input.required<MetricImportDto[]>();

  protected readonly columns = COLUMNS;
  protected readonly label = $localize`:@@imports.table:Metric imports`;
}
