import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { InvoiceLineDto, RateUnit } from '@agency-portal/shared';
import { RATE_UNIT_LABELS } from '../../shared/i18n/labels';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { DataTable, TableCellDef } from '../../shared/table/data-table';
import { type TableColumn, moneyCell } from '../../shared/table/table-column';

/**
 * An invoice's lines: the rate card item, the deliverable and goal it is traced to, quantity,
 * price and amount, with the checks finance sees on each (a price off the rate card, a quantity
 * beyond the brief's spec) written out beside the figure they concern.
 */
@Component({
  selector: 'ap-invoice-lines-table',
  imports: [DataTable, DecimalPipe, MoneyPipe, RouterLink, TableCellDef],
  template: `
    <ap-data-table [rows]="lines()" [columns]="columns()" [label]="label">
      <ng-template apCell="item" [apCellOf]="lines()" let-line>
        <span class="ap-code">{{ line.itemCode }}</span> {{ line.description }}
      </ng-template>
      <ng-template apCell="deliverable" [apCellOf]="lines()" let-line>
        @if (line.deliverableId) {
          @if (linkDeliverables()) {
            <a [routerLink]="['/deliverables', line.deliverableId]">{{ line.deliverableTitle }}</a>
          } @else {
            {{ line.deliverableTitle }}
          }
        } @else {
          —
        }
      </ng-template>
      <ng-template apCell="goal" [apCellOf]="lines()" let-line>
        <a [routerLink]="['/goals', line.goalId]" data-testid="invoice-line-goal">{{ line.goalName }}</a>
      </ng-template>
      <ng-template apCell="quantity" [apCellOf]="lines()" let-line>
        {{ line.quantity | number: '1.0-2' }} <span class="ap-unit">{{ unitLabel(line.unit) }}</span>
        @if (line.checks.quantityBeyondSpec; as beyond) {
          <span i18n class="ap-check" data-testid="line-quantity-check">
            The brief specified {{ beyond.specified }}; {{ beyond.billed }} billed
          </span>
        }
      </ng-template>
      <ng-template apCell="unitPrice" [apCellOf]="lines()" let-line>
        {{ line.unitPriceMinor | money: currency() }}
        @if (line.checks.priceDeviationMinor !== null) {
          <span i18n class="ap-check" data-testid="line-price-check">
            Rate card {{ line.rateCardPriceMinor | money: currency() }}
          </span>
        }
      </ng-template>
    </ap-data-table>
  `,
  styles: `
    .ap-code {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-large);
    }
    .ap-unit {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .ap-check {
      display: block;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceLinesTable {
  readonly lines = input.required<InvoiceLineDto[]>();
  readonly currency = input.required<string>();
  /** Whether the reader may open the deliverables. */
  readonly linkDeliverables = input(false);

  protected readonly label = $localize`Invoice lines`;
  protected readonly unitLabel = (unit: RateUnit): string => RATE_UNIT_LABELS[unit];
  protected readonly columns = computed((): readonly TableColumn<InvoiceLineDto>[] => {
    const currency = this.currency();
    return [
      { id: 'item', header: $localize`:Column — the rate card item an invoice line bills:Item` },
      { id: 'deliverable', header: $localize`:Column — the deliverable an invoice line bills:Deliverable` },
      { id: 'goal', header: $localize`:Column — the marketing goal an invoice line is charged to:Goal` },
      { id: 'quantity', header: $localize`:How many units a line bills:Quantity`, numeric: true },
      { id: 'unitPrice', header: $localize`:Price of one unit on an invoice line:Unit price`, numeric: true },
      {
        id: 'amount',
        header: $localize`:Amount of one invoice line:Amount`,
        numeric: true,
        cell: moneyCell(
          (line) => line.amountMinor,
          () => currency,
        ),
      },
    ];
  });
}
