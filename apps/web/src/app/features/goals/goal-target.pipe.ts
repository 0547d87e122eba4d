import { LOCALE_ID, Pipe, type PipeTransform, inject } from '@angular/core';
import type { GoalDto } from '@agency-portal/shared';
import { formatMoney, isKnownCurrency } from '@agency-portal/shared';

/** A goal's target: money for revenue ("KRW 50,000,000"), otherwise a whole count ("1,200,000"). */
@Pipe({ name: 'goalTarget' })
export class GoalTargetPipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);
  private readonly counts = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 0 });

  transform(goal: Pick<GoalDto, 'kpiMetric' | 'targetValue' | 'targetCurrency'>): string {
    if (goal.kpiMetric === 'revenue' && goal.targetCurrency && isKnownCurrency(goal.targetCurrency)) {
      return formatMoney(goal.targetValue, goal.targetCurrency, this.locale);
    }
    return this.counts.format(goal.targetValue);
  }
}
