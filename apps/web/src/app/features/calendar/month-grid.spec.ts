import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CalendarDayDto, CalendarItemDto } from '@agency-portal/shared';
import { MonthGrid } from './month-grid';

function anItem(overrides: Partial<CalendarItemDto> = {}): CalendarItemDto {
  return {
    id: 'deliverable-1',
    title: 'Feed post',
    channel: 'instagram',
    status: 'in_review',
    dueDate: '2026-12-10',
    publishedAt: null,
    postUrl: null,
    day: '2026-12-10',
    placedBy: 'due',
    briefId: 'brief-1',
    briefTitle: 'Winter launch',
    contractId: 'contract-1',
    agencyId: 'agency-1',
    agencyName: 'Northwind Social',
    ...overrides,
  };
}

const DAYS: CalendarDayDto[] = [
  {
    date: '2026-12-10',
    items: [anItem(), anItem({ id: 'deliverable-2', title: 'Reel', channel: 'tiktok' })],
    total: 5,
    more: 3,
  },
];

describe('MonthGrid', () => {
  let fixture: ComponentFixture<MonthGrid>;
  let element: HTMLElement;
  let opened: string[];
  let outside: string[];

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [MonthGrid], providers: [provideRouter([])] });
    fixture = TestBed.createComponent(MonthGrid);
    fixture.componentRef.setInput('month', '2026-12');
    fixture.componentRef.setInput('days', DAYS);
    fixture.componentRef.setInput('today', '2026-12-01');
    fixture.componentRef.setInput('label', 'December 2026');
    fixture.componentRef.setInput('focusedDay', '2026-12-10');
    opened = [];
    outside = [];
    fixture.componentInstance.openDay.subscribe((day) => opened.push(day));
    fixture.componentInstance.dayOutside.subscribe((day) => outside.push(day));
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  const day = (date: string) =>
    element.querySelector<HTMLButtonElement>(`[data-day="${date}"]`) as HTMLButtonElement;
  const press = async (date: string, key: string) => {
    day(date).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    await fixture.whenStable();
  };

  it('should list a day’s items as links to their deliverables and count the rest', () => {
    const links = Array.from(day('2026-12-10').closest('td')?.querySelectorAll('a') ?? []);

    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/deliverables/deliverable-1',
      '/deliverables/deliverable-2',
    ]);
    expect(links[0]?.getAttribute('aria-label')).toBe('Instagram: Feed post, In review');
    expect(element.querySelector('[data-testid="calendar-more"]')?.textContent?.trim()).toBe('and 3 more');
    expect(day('2026-12-10').getAttribute('aria-label')).toContain('5 deliverables');
  });

  it('should keep one day in the tab order and mark today', () => {
    const tabbable = element.querySelectorAll('[data-day][tabindex="0"]');

    expect(tabbable).toHaveLength(1);
    expect(tabbable[0]?.getAttribute('data-day')).toBe('2026-12-10');
    expect(day('2026-12-01').getAttribute('aria-current')).toBe('date');
  });

  it('should move the focus by day and by week with the arrow keys', async () => {
    await press('2026-12-10', 'ArrowRight');
    expect(fixture.componentInstance.focusedDay()).toBe('2026-12-11');
    expect(document.activeElement).toBe(day('2026-12-11'));

    await press('2026-12-11', 'ArrowDown');
    expect(fixture.componentInstance.focusedDay()).toBe('2026-12-18');
    expect(day('2026-12-18').getAttribute('tabindex')).toBe('0');
  });

  it('should ask for the next month when Page Down leaves the grid, keeping the day of the month', async () => {
    await press('2026-12-10', 'PageDown');

    expect(outside).toEqual(['2027-01-10']);
  });

  it('should open the day when its number or "and N more" is chosen', () => {
    day('2026-12-10').click();
    (element.querySelector('[data-testid="calendar-more"]') as HTMLButtonElement).click();

    expect(opened).toEqual(['2026-12-10', '2026-12-10']);
  });
});
