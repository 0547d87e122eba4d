import type { ScorecardQuarter } from '@agency-portal/shared';
import { EMPTY_FACTS, scorecardFigures } from '@agency-portal/shared';
import {
  TOO_LITTLE_DATA,
  formatFigure,
  quarterLabel,
  quarterOptions,
  sampleNote,
  trendSeries,
} from './scorecard-view';

function quarter(name: string, onTime: number, due: number): ScorecardQuarter {
  return {
    quarter: name,
    start: '2026-01-01',
    end: '2026-04-01',
    open: false,
    figures: scorecardFigures({ ...EMPTY_FACTS, onTimeCount: onTime, dueCount: due }),
  };
}

describe('scorecard view', () => {
  it('should say too little data instead of 0 % when a figure rests on too few deliverables', () => {
    const figures = scorecardFigures({ ...EMPTY_FACTS, dueCount: 2, onTimeCount: 0 });

    expect(formatFigure(figures, 'onTimeRate', 'en-US')).toBe(TOO_LITTLE_DATA);
    expect(sampleNote(figures, 'onTimeRate')).toBe('0 of 2');
  });

  it('should format rates as percentages and durations with their unit in the locale', () => {
    const figures = scorecardFigures({
      ...EMPTY_FACTS,
      dueCount: 4,
      onTimeCount: 3,
      firstVersionCount: 3,
      firstVersionMedianDays: 12.25,
      reviewCount: 5,
      reviewMedianHours: 1234.5,
    });

    expect(formatFigure(figures, 'onTimeRate', 'en-US')).toBe('75%');
    expect(formatFigure(figures, 'medianDaysToFirstVersion', 'en-US')).toBe('12.3 d');
    expect(formatFigure(figures, 'medianReviewHours', 'en-US')).toBe('1,234.5 h');
    expect(formatFigure(figures, 'medianReviewHours', 'id-ID')).toBe('1.234,5 h');
  });

  it('should name quarters and offer the current one and the seven before it, newest first', () => {
    expect(quarterLabel('2026-Q3')).toBe('Q3 2026');
    const options = quarterOptions(new Date('2026-05-10T00:00:00Z'));
    expect(options).toHaveLength(8);
    expect(options[0]).toBe('2026-Q2');
    expect(options[7]).toBe('2024-Q3');
  });

  it('should leave a gap in the trend where a quarter has too little data', () => {
    const trend = trendSeries([quarter('2026-Q1', 1, 2), quarter('2026-Q2', 3, 4)]);

    expect(trend.labels).toEqual(['Q1 2026', 'Q2 2026']);
    expect(trend.series[0]?.values).toEqual([null, 75]);
  });
});
