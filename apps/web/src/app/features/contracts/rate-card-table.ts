import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { RateCardItemDto } from '@agency-portal/shared';
import { RATE_UNIT_LABELS } from '../../shared/i18n/labels';
import { DataTable } from '../../shared/table/data-table';
import { type TableColumn, codeCell, moneyCell, textCell } from '../../shared/table/table-column';

@Component({
  selector: 'ap-rate-card-table',
  imports: [DataTable],
  template: `<ap-data-table [rows]="items()" [columns]="columns()" [label]="label" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RateCardTable {
  readonly items = input.required<RateCardItemDto[]>();
  readonly currency = input.required<string>();

  protected readonly label = $localize`Rate card`;
  protected readonly columns = computed((): readonly TableColumn<RateCardItemDto>[] => {
    const currency = this.currency();
    return [
      { id: 'code', header: $localize`Code`, cell: codeCell((item) => item.code) },
      { id: 'description', header: $localize`Description`, cell: textCell((item) => item.description) },
      { id: 'unit', header: $localize`Unit`, cell: textCell((item) => RATE_UNIT_LABELS[item.unit]) },
      {
        id: 'unitPrice',
        header: $localize`Unit price`,
        numeric: true,
        cell: moneyCell(
          (item) => item.unitPriceMinor,
          () => currency,
        ),
      },
    ];
  });
}
