import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { DeliverableSpecDto } from '@agency-portal/shared';
import { CHANNEL_LABELS } from '../../shared/i18n/labels';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { DataTable, TableFooterDef } from '../../shared/table/data-table';
import { type TableColumn, codeCell, dateCell, moneyCell, textCell } from '../../shared/table/table-column';

/** What the brief asks for: rate card item, quantity, due date and channel, each priced. */
@Component({
  selector: 'ap-deliverable-specs-table',
  imports: [DataTable, MoneyPipe, TableFooterDef],
  template: `
    <ap-data-table [rows]="specs()" [columns]="columns()" [label]="label">
      <ng-template apFooterCell="quantity">{{ totalQuantity() }}</ng-template>
      <ng-template apFooterCell="estimate">{{ totalMinor() | money: currency() }}</ng-template>
    </ap-data-table>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeliverableSpecsTable {
  readonly specs = input.required<DeliverableSpecDto[]>();
  readonly currency = input.required<string>();

  protected readonly label = $localize`Deliverable specs`;
  protected readonly columns = computed((): readonly TableColumn<DeliverableSpecDto>[] => {
    const currency = this.currency();
    return [
      {
        id: 'code',
        header: $localize`Rate card item`,
        cell: codeCell((spec) => spec.rateCardCode),
        footer: $localize`Total`,
      },
      { id: 'description', header: $localize`Description`, cell: textCell((spec) => spec.description) },
      { id: 'quantity', header: $localize`Quantity`, numeric: true, cell: textCell((spec) => spec.quantity) },
      { id: 'dueDate', header: $localize`Due date`, cell: dateCell((spec) => spec.dueDate) },
      {
        id: 'channel',
        header: $localize`Channel`,
        cell: textCell((spec) =>
          spec.channel
            ? CHANNEL_LABELS[spec.channel]
            : $localize`:Channel of a deliverable spec — any channel@@channel.any:Any`,
        ),
      },
      {
        id: 'estimate',
        header: $localize`Estimate`,
        numeric: true,
        cell: moneyCell(
          (spec) => spec.estimateMinor,
          () => currency,
        ),
      },
    ];
  });
  protected readonly totalQuantity = computed(() =>
    this.specs().reduce((sum, spec) => sum + spec.quantity, 0),
  );
  /** Integer minor units of one currency: an exact sum. */
  protected readonly totalMinor = computed(() =>
    this.specs().reduce((sum, spec) => sum + spec.estimateMinor, 0),
  );
}
