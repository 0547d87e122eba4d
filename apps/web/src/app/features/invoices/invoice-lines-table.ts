import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { InvoiceLineDto, RateUnit } from '@agency-portal/shared';
import { RATE_UNIT_LABELS } from '../../shared/i18n/labels';
import { MoneyPipe } from '../../shared/money/money.pipe';

/**
 * An invoice's lines: the rate card item, the deliverable and goal it is traced to, quantity,
 * price and amount, with the checks finance sees on each (a price off the rate card, a quantity
 * beyond the brief's spec) written out beside the figure they concern.
 */
@Component({
  selector: 'ap-invoice-lines-table',
  imports: [DecimalPipe, MatTableModule, MoneyPipe, RouterLink],
  template: `
    <div class="ap-table-wrap">
      <table mat-table [dataSource]="lines()" aria-label="Invoice lines" i18n-aria-label>
        <ng-container matColumnDef="item">
          <th
            i18n="Column: the rate card item an invoice line bills"
            mat-header-cell
            *matHeaderCellDef
            scope="col"
          >
            Item
          </th>
          <td mat-cell *matCellDef="let line">
            <span class="ap-code">{{ line.itemCode }}</span> {{ line.description }}
          </td>
        </ng-container>
        <ng-container matColumnDef="deliverable">
          <th
            i18n="Column: the deliverable an invoice line bills"
            mat-header-cell
            *matHeaderCellDef
            scope="col"
          >
            Deliverable
          </th>
          <td mat-cell *matCellDef="let line">
            @if (line.deliverableId) {
              @if (linkDeliverables()) {
                <a [routerLink]="['/deliverables', line.deliverableId]">{{ line.deliverableTitle }}</a>
              } @else {
                {{ line.deliverableTitle }}
              }
            } @else {
              —
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="goal">
          <th
            i18n="Column: the marketing goal an invoice line is charged to"
            mat-header-cell
            *matHeaderCellDef
            scope="col"
          >
            Goal
          </th>
          <td mat-cell *matCellDef="let line">
            <a [routerLink]="['/goals', line.goalId]" data-testid="invoice-line-goal">{{ line.goalName }}</a>
          </td>
        </ng-container>
        <ng-container matColumnDef="quantity">
          <th
            i18n="How many units a line bills"
            mat-header-cell
            *matHeaderCellDef
            scope="col"
            class="ap-number"
          >
            Quantity
          </th>
          <td mat-cell *matCellDef="let line" class="ap-number">
            {{ line.quantity | number: '1.0-2' }} <span class="ap-unit">{{ unitLabel(line.unit) }}</span>
            @if (line.checks.quantityBeyondSpec; as beyond) {
              <span i18n class="ap-check" data-testid="line-quantity-check">
                The brief specified {{ beyond.specified }}; {{ beyond.billed }} billed
              </span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="unitPrice">
          <th
            i18n="Price of one unit on an invoice line"
            mat-header-cell
            *matHeaderCellDef
            scope="col"
            class="ap-number"
          >
            Unit price
          </th>
          <td mat-cell *matCellDef="let line" class="ap-number">
            {{ line.unitPriceMinor | money: currency() }}
            @if (line.checks.priceDeviationMinor !== null) {
              <span i18n class="ap-check" data-testid="line-price-check">
                Rate card {{ line.rateCardPriceMinor | money: currency() }}
              </span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="amount">
          <th
            i18n="Amount of one invoice line"
            mat-header-cell
            *matHeaderCellDef
            scope="col"
            class="ap-number"
          >
            Amount
          </th>
          <td mat-cell *matCellDef="let line" class="ap-number">
            {{ line.amountMinor | money: currency() }}
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </div>
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

  protected readonly unitLabel = (unit: RateUnit): string => RATE_UNIT_LABELS[unit];
  protected readonly columns = ['item', 'deliverable', 'goal', 'quantity', 'unitPrice', 'amount'];
}
