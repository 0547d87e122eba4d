import { LOCALE_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { GoalTargetPipe } from '../../features/goals/goal-target.pipe';
import { formatFileSize } from './file-size.pipe';

/** Intl puts no-break spaces between figures and units. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

describe('numbers in the three locales', () => {
  it.each([
    ['en', '1.5 MB', '240 kB'],
    ['ko', '1.5MB', '240kB'],
    ['id', '1,5 MB', '240 kB'],
  ])('should write file sizes in %s with its marks', (locale, megabytes, kilobytes) => {
    expect(plain(formatFileSize(1.5 * 1024 * 1024, locale))).toBe(megabytes);
    expect(plain(formatFileSize(245760, locale))).toBe(kilobytes);
  });

  it.each([
    ['en', 'KRW 50,000,000', '1,200,000'],
    ['ko', 'KRW 50,000,000', '1,200,000'],
    ['id', 'KRW 50.000.000', '1.200.000'],
  ])('should write goal targets in %s: money for revenue, whole counts otherwise', (locale, money, count) => {
    TestBed.configureTestingModule({ providers: [{ provide: LOCALE_ID, useValue: locale }] });
    const pipe = TestBed.runInInjectionContext(() => new GoalTargetPipe());

    expect(
      plain(pipe.transform({ kpiMetric: 'revenue', targetValue: 50_000_000, targetCurrency: 'KRW' })),
    ).toBe(money);
    expect(pipe.transform({ kpiMetric: 'reach', targetValue: 1_200_000, targetCurrency: null })).toBe(count);
  });
});
