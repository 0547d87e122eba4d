import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { allocationTotal, MAX_ALLOCATED_PERCENT } from '@agency-portal/shared';

interface AllocationValue {
  goalId?: string;
  percent?: number | null;
}

function rowsOf(control: AbstractControl): AllocationValue[] {
  const value: unknown = control.value;
  return Array.isArray(value) ? (value as AllocationValue[]) : [];
}

/** On the allocations array: at most 100% of the budget can be allocated across goals. */
export const allocationTotalValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const total = allocationTotal(rowsOf(control));
  return total > MAX_ALLOCATED_PERCENT ? { allocationTotal: { total } } : null;
};

/** On the allocations array: a goal appears in one row only. */
export const distinctGoalsValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const goalIds = rowsOf(control)
    .map((row) => row.goalId)
    .filter((goalId): goalId is string => !!goalId);
  return new Set(goalIds).size < goalIds.length ? { duplicateGoal: true } : null;
};
