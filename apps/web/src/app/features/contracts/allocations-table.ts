import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { GoalAllocationDto } from '@agency-portal/shared';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { DataTable, TableFooterDef } from '../../shared/table/data-table';
import { type TableColumn, linkCell, moneyCell, textCell } from '../../shared/table/table-column';

/** How the contract's budget is split across goals. */
@Component({
  selector: 'ap-allocations-table',
  imports: [DataTable, MoneyPipe, TableFooterDef],
  template: `
    <ap-data-table [rows]="allocations()" [columns]="columns()" [label]="label">
      <ng-template apFooterCell="percent"
        ><span data-testid="allocation-total">{{ totalPercent() }}%</span></ng-template
      >
      <ng-template apFooterCell="allocated">{{ totalAllocatedMinor() | money: currency() }}</ng-template>
    </ap-data-table>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AllocationsTable {
  readonly allocations = input.required<GoalAllocationDto[]>();
  readonly currency = input.required<string>();
  readonly linkGoals = input(true);

  protected readonly label = $localize`Goal allocations`;
  protected readonly columns = computed((): readonly TableColumn<GoalAllocationDto>[] => {
    const currency = this.currency();
    const linkGoals = this.linkGoals();
    return [
      {
        id: 'goal',
        header: $localize`Goal`,
        cell: linkCell(
          (allocation) => (linkGoals ? ['/goals', allocation.goalId] : null),
          (allocation) => allocation.goalName,
        ),
        footer: $localize`Total`,
      },
      {
        id: 'percent',
        header: $localize`Percent`,
        numeric: true,
        cell: textCell((allocation) => `${allocation.percent}%`),
      },
      {
        id: 'allocated',
        header: $localize`Allocated`,
        numeric: true,
        cell: moneyCell(
          (allocation) => allocation.allocatedMinor,
          () => currency,
        ),
      },
    ];
  });
  protected readonly totalPercent = computed(() =>
    this.allocations().reduce((total, allocation) => total + allocation.percent, 0),
  );
  /** A sum of integer minor units of one currency: exact. */
  protected readonly totalAllocatedMinor = computed(() =>
    this.allocations().reduce((total, allocation) => total + allocation.allocatedMinor, 0),
  );
}
