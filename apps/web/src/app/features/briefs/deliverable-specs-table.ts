import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { Channel, DeliverableSpecDto } from '@agency-portal/shared';
import { CHANNEL_LABELS } from '../../shared/i18n/labels';
import { MoneyPipe } from '../../shared/money/money.pipe';

/** What the brief asks for: rate card item, quantity, due date and channel, each priced. */
@Component({
  selector: 'ap-deliverable-specs-table',
  imports: [LocalDatePipe, MatTableModule, MoneyPipe],
  template: `
    <div class="ap-table-wrap">
      <table mat-table [dataSource]="specs()" aria-label="Deliverable specs" i18n-aria-label>
        <ng-container matColumnDef="code">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Rate card item</th>
          <td mat-cell *matCellDef="let spec">
            <code>{{ spec.rateCardCode }}</code>
          </td>
          <td i18n mat-footer-cell *matFooterCellDef>Total</td>
        </ng-container>
        <ng-container matColumnDef="description">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Description</th>
          <td mat-cell *matCellDef="let spec">{{ spec.description }}</td>
          <td mat-footer-cell *matFooterCellDef></td>
        </ng-container>
        <ng-container matColumnDef="quantity">
          <th i18n mat-header-cell *matHeaderCellDef scope="col" class="ap-number">Quantity</th>
          <td mat-cell *matCellDef="let spec" class="ap-number">{{ spec.quantity }}</td>
          <td mat-footer-cell *matFooterCellDef class="ap-number">{{ totalQuantity() }}</td>
        </ng-container>
        <ng-container matColumnDef="dueDate">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Due date</th>
          <td mat-cell *matCellDef="let spec">{{ spec.dueDate | localDate: 'date' }}</td>
          <td mat-footer-cell *matFooterCellDef></td>
        </ng-container>
        <ng-container matColumnDef="channel">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Channel</th>
          <td mat-cell *matCellDef="let spec">{{ channelLabel(spec.channel) }}</td>
          <td mat-footer-cell *matFooterCellDef></td>
        </ng-container>
        <ng-container matColumnDef="estimate">
          <th i18n mat-header-cell *matHeaderCellDef scope="col" class="ap-number">Estimate</th>
          <td mat-cell *matCellDef="let spec" class="ap-number">
            {{ spec.estimateMinor | money: currency() }}
          </td>
          <td mat-footer-cell *matFooterCellDef class="ap-number">{{ totalMinor() | money: currency() }}</td>
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
export class DeliverableSpecsTable {
  readonly specs = input.required<DeliverableSpecDto[]>();
  readonly currency = input.required<string>();

  protected readonly channelLabel = (channel: Channel | null): string =>
    channel
      ? CHANNEL_LABELS[channel]
      : $localize`:Channel of a deliverable spec — any channel@@channel.any:Any`;
  protected readonly columns = ['code', 'description', 'quantity', 'dueDate', 'channel', 'estimate'];
  protected readonly totalQuantity = computed(() =>
    this.specs().reduce((sum, spec) => sum + spec.quantity, 0),
  );
  /** Integer minor units of one currency: an exact sum. */
  protected readonly totalMinor = computed(() =>
    this.specs().reduce((sum, spec) => sum + spec.estimateMinor, 0),
  );
}
