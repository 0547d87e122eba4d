import { FormArray, FormControl, FormGroup } from '@angular/forms';
import { validationMessage } from '../../shared/forms/validation-message';
import { allocationTotal } from '@agency-portal/shared';
import { allocationTotalValidator, distinctGoalsValidator } from './allocation-validators';

function allocations(...rows: [string, number | null][]): FormArray {
  return new FormArray(
    rows.map(
      ([goalId, percent]) =>
        new FormGroup({ goalId: new FormControl(goalId), percent: new FormControl<number | null>(percent) }),
    ),
    [allocationTotalValidator, distinctGoalsValidator],
  );
}

describe('allocation validators', () => {
  it('should accept the allocations when they add up to exactly 100%', () => {
    const array = allocations(['goal-1', 60], ['goal-2', 40]);

    expect(array.errors).toBeNull();
  });

  it('should report the total when the allocations add up to more than 100%', () => {
    const array = allocations(['goal-1', 70], ['goal-2', 40]);

    expect(array.errors).toEqual({ allocationTotal: { total: 110 } });
    expect(validationMessage(array.errors)).toBe(
      'Allocations add up to 110%: at most 100% of the budget can be allocated.',
    );
  });

  it('should recheck the total when a percent changes', () => {
    const array = allocations(['goal-1', 70], ['goal-2', 40]);

    array.at(1).get('percent')?.setValue(30);

    expect(array.errors).toBeNull();
  });

  it('should count nothing for a row when its percent is empty or not whole', () => {
    expect(allocationTotal([{ percent: null }, { percent: 12.5 }, { percent: 20 }])).toBe(20);
  });

  it('should accept no allocations when there are none', () => {
    expect(allocations().errors).toBeNull();
  });

  it('should refuse the same goal twice when it is chosen in two rows', () => {
    const array = allocations(['goal-1', 10], ['goal-1', 20]);

    expect(array.errors).toEqual({ duplicateGoal: true });
  });
});
