import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

interface AllocationValue {
  goalId?: string;
  percent?: number | null;
}

function rowsOf(control: AbstractControl): AllocationValue[] {
  const value: unknown = control.value;
  return Array.isArray(value) ? (value as AllocationValue[]) : [];
}

/** The whole percents allocated so far; rows without a valid percent count as nothing. */
export function allocationTotal(rows: readonly AllocationValue[]): number {
  return rows.reduce(
    (total, row) =>
      total + (typeof row.percent === 'number' && Number.isSafeInteger(row.percent) ? row.percent : 0),
    0,
  );
}

/** On the allocations array: at most 100% of the budget can be allocated across goals. */
export const allocationTotalValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const total = allocationTotal(rowsOf(control));
  return total > 100 ? { allocationTotal: { total } } : null;
};

/** On the allocations array: a goal appears in one row only. */
export const distinctGoalsValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const goalIds = rowsOf(control)
    .map((row) => row.goalId)
    .filter((goalId): goalId is string => !!goalId);
  return new Set(goalIds).size < goalIds.length ? { duplicateGoal: true } : null;
};
