import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { DISPLAY_TIME_ZONE } from '../format/time-zone';
import type { ListSort, SortChange } from '../list/list-query-state';
import { DataTable, TableCellDef, TableFooterDef, TableRowDetailDef } from './data-table';
import {
  type TableColumn,
  codeCell,
  dateCell,
  linkCell,
  moneyCell,
  omitColumns,
  periodCell,
  statusCell,
  textCell,
} from './table-column';

interface Row {
  id: string;
  name: string;
  code: string;
  legalName: string | null;
  mayOpen: boolean;
  dueDate: string;
  endDate: string;
  amountMinor: number;
  active: boolean;
  count: number;
}

const ROWS: Row[] = [
  {
    id: 'r-1',
    name: 'Northwind Social',
    code: 'REEL',
    legalName: 'Northwind Social Ltd.',
    mayOpen: true,
    dueDate: '2026-03-01',
    endDate: '2026-05-31',
    amountMinor: 150000050,
    active: true,
    count: 3,
  },
  {
    id: 'r-2',
    name: 'Blue Harbour',
    code: 'POST',
    legalName: null,
    mayOpen: false,
    dueDate: '2026-04-15',
    endDate: '2026-06-30',
    amountMinor: 0,
    active: false,
    count: 12,
  },
];

const COLUMNS: readonly TableColumn<Row>[] = [
  {
    id: 'name',
    header: 'Name',
    sort: 'name',
    rowHeader: true,
    cell: linkCell(
      (row) => (row.mayOpen ? ['/rows', row.id] : null),
      (row) => row.name,
      (row) => row.legalName,
    ),
    footer: 'Total',
  },
  { id: 'code', header: 'Code', cell: codeCell((row) => row.code) },
  { id: 'dueDate', header: 'Due date', sort: 'dueDate', start: 'desc', cell: dateCell((row) => row.dueDate) },
  {
    id: 'period',
    header: 'Period',
    cell: periodCell(
      (row) => row.dueDate,
      (row) => row.endDate,
    ),
  },
  {
    id: 'amount',
    header: 'Amount',
    numeric: true,
    cell: moneyCell(
      (row) => row.amountMinor,
      () => 'USD',
    ),
  },
  {
    id: 'status',
    header: 'Status',
    cell: statusCell(
      (row) => (row.active ? 'Active' : 'Offboarded'),
      (row) => (row.active ? 'active' : 'inactive'),
    ),
  },
  {
    id: 'count',
    header: 'Count',
    headerTitle: 'Deliverables counted',
    numeric: true,
    cellTestId: 'count',
    cell: textCell(
      (row) => row.count,
      (row) => (row.count > 10 ? 'many' : null),
    ),
  },
  { id: 'actions', header: 'Actions', headerHidden: true, cellClass: 'ap-actions-cell' },
];

@Component({
  imports: [DataTable, TableCellDef, TableFooterDef, TableRowDetailDef],
  template: `
    <ap-data-table
      [rows]="rows()"
      [columns]="columns()"
      label="Agencies"
      i18n-label
      [rowTestId]="'agency-row'"
      [sort]="sort()"
      [detailOpen]="isOpen"
      (sortChange)="sortChanges.push($event)"
    >
      <ng-template apCell="actions" [apCellOf]="rows()" let-row>
        <button i18n type="button">Edit {{ row.name }}</button>
      </ng-template>
      <ng-template apFooterCell="count"
        ><span data-testid="count-total">{{ total() }}</span></ng-template
      >
      <ng-template apRowDetail [apRowDetailOf]="rows()" let-row>
        <p i18n data-testid="detail">Details of {{ row.name }}</p>
      </ng-template>
    </ap-data-table>
  `,
})
class Host {
  readonly rows = signal<Row[]>(ROWS);
  readonly columns = signal<readonly TableColumn<Row>[]>(COLUMNS);
  readonly sort = signal<ListSort | null>({ key: 'name', direction: 'asc' });
  readonly openId = signal<string | null>(null);
  readonly isOpen = (row: Row): boolean => this.openId() === row.id;
  readonly total = (): number => this.rows().reduce((sum, row) => sum + row.count, 0);
  readonly sortChanges: SortChange[] = [];
}

async function render(): Promise<{ host: Host; element: HTMLElement; stable: () => Promise<void> }> {
  TestBed.configureTestingModule({
    imports: [Host],
    providers: [provideRouter([]), { provide: DISPLAY_TIME_ZONE, useValue: signal('UTC') }],
  });
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  return {
    host: fixture.componentInstance,
    element: fixture.nativeElement as HTMLElement,
    stable: () => fixture.whenStable(),
  };
}

function text(node: Element | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function headers(element: HTMLElement): HTMLTableCellElement[] {
  return Array.from(element.querySelectorAll<HTMLTableCellElement>('thead th'));
}

/** The data rows (the detail rows, one after each, left out). */
function dataRows(element: HTMLElement): HTMLTableRowElement[] {
  return Array.from(element.querySelectorAll<HTMLTableRowElement>('tbody tr:not(.ap-detail-row)'));
}

function sortButton(element: HTMLElement, column: string): HTMLElement {
  const header = element.querySelector<HTMLElement>(`th.mat-column-${column} .mat-sort-header-container`);
  if (!header) throw new Error(`no sort header for ${column}`);
  return header;
}

describe('DataTable', () => {
  it('should name the table and give every header its column scope and alignment when rendered', async () => {
    const { element } = await render();

    const table = element.querySelector('table.mat-mdc-table');
    expect(table?.getAttribute('aria-label')).toBe('Agencies');
    expect(table?.closest('.ap-table-wrap')).not.toBeNull();
    expect(headers(element).map((header) => text(header))).toEqual([
      'Name',
      'Code',
      'Due date',
      'Period',
      'Amount',
      'Status',
      'Count',
      'Actions',
    ]);
    expect(headers(element).every((header) => header.getAttribute('scope') === 'col')).toBe(true);
    expect(element.querySelector('th.mat-column-amount')?.classList).toContain('ap-number');
    expect(element.querySelector('td.mat-column-amount')?.classList).toContain('ap-number');
    expect(element.querySelector('th.mat-column-code')?.classList).not.toContain('ap-number');
    expect(element.querySelector('th.mat-column-actions .ap-visually-hidden')?.textContent).toBe('Actions');
    expect(element.querySelector('thead th.mat-column-count')?.getAttribute('title')).toBe(
      'Deliverables counted',
    );
  });

  it('should head each row with its row header cell and mark rows and cells for journeys', async () => {
    const { element } = await render();

    const rows = dataRows(element);
    expect(rows.map((row) => row.getAttribute('data-testid'))).toEqual(['agency-row', 'agency-row']);
    const rowHeader = rows[0]?.querySelector('th.mat-column-name');
    expect(rowHeader?.getAttribute('scope')).toBe('row');
    expect(rowHeader?.classList).toContain('mat-mdc-cell');
    expect(rows[0]?.querySelectorAll('th')).toHaveLength(1);
    expect(text(rows[1]?.querySelector('[data-testid="count"]'))).toBe('12 many');
  });

  it('should draw the common cell kinds when columns declare them', async () => {
    const { element } = await render();

    const [first, second] = dataRows(element);
    const link = first?.querySelector<HTMLAnchorElement>('.mat-column-name a');
    expect(link?.getAttribute('href')).toBe('/rows/r-1');
    expect(text(link)).toBe('Northwind Social');
    expect(text(first?.querySelector('.mat-column-name .ap-secondary'))).toBe('Northwind Social Ltd.');
    expect(second?.querySelector('.mat-column-name a')).toBeNull();
    expect(text(second?.querySelector('.mat-column-name'))).toBe('Blue Harbour');
    expect(second?.querySelector('.mat-column-name .ap-secondary')).toBeNull();
    expect(text(first?.querySelector('td.mat-column-code code'))).toBe('REEL');
    expect(text(first?.querySelector('td.mat-column-dueDate'))).toBe('Mar 1, 2026');
    expect(text(first?.querySelector('td.mat-column-period'))).toBe('Mar 1, 2026 – May 31, 2026');
    expect(text(first?.querySelector('td.mat-column-amount'))).toBe('USD 1,500,000.50');
    expect(text(first?.querySelector('td.mat-column-count'))).toBe('3');
    expect(text(second?.querySelector('td.mat-column-count .ap-secondary'))).toBe('many');
    expect(first?.querySelector('td.mat-column-count .ap-secondary')).toBeNull();
    const chip = second?.querySelector('td.mat-column-status .ap-status');
    expect(text(chip)).toBe('Offboarded');
    expect(chip?.classList).toContain('ap-status--inactive');
  });

  it("should draw a column's cells with the feature's template when the column declares no cell", async () => {
    const { element } = await render();

    const cells = dataRows(element).map((row) => row.querySelector('td.mat-column-actions'));
    expect(cells.map((cell) => text(cell?.querySelector('button')))).toEqual([
      'Edit Northwind Social',
      'Edit Blue Harbour',
    ]);
    expect(cells[0]?.classList).toContain('ap-actions-cell');
  });

  it('should show footer texts and footer templates when columns have them', async () => {
    const { element } = await render();

    const footer = element.querySelector('tfoot tr, tr.mat-mdc-footer-row');
    expect(text(footer?.querySelector('td.mat-column-name'))).toBe('Total');
    expect(text(footer?.querySelector('[data-testid="count-total"]'))).toBe('15');
    expect(footer?.querySelector('td.mat-column-count')?.classList).toContain('ap-number');
    expect(text(footer?.querySelector('td.mat-column-code'))).toBe('');
  });

  it('should mark the active sort and emit the clicked header with its first direction when sortable', async () => {
    const { host, element } = await render();

    expect(element.querySelector('thead th.mat-column-name')?.getAttribute('aria-sort')).toBe('ascending');
    expect(element.querySelector('th.mat-column-code .mat-sort-header-container')).toBeNull();
    sortButton(element, 'dueDate').click();

    expect(host.sortChanges).toEqual([{ active: 'dueDate', direction: 'desc' }]);
  });

  it('should follow the list sort when it changes', async () => {
    const { host, element, stable } = await render();

    host.sort.set({ key: 'dueDate', direction: 'desc' });
    await stable();

    expect(element.querySelector('th.mat-column-dueDate')?.getAttribute('aria-sort')).toBe('descending');
    expect(element.querySelector('thead th.mat-column-name')?.getAttribute('aria-sort')).toBe('none');
  });

  it('should not sort when the table is given no sort', async () => {
    const { host, element, stable } = await render();
    host.sort.set(null);
    await stable();

    sortButton(element, 'name').click();

    expect(host.sortChanges).toEqual([]);
  });

  it("should show a row's detail below it only while it is open", async () => {
    const { host, element, stable } = await render();
    expect(element.querySelectorAll('tr.ap-detail-row')).toHaveLength(2);
    expect(element.querySelector('[data-testid="detail"]')).toBeNull();

    host.openId.set('r-2');
    await stable();

    const details = Array.from(element.querySelectorAll('tr.ap-detail-row'));
    expect(details.map((row) => row.classList.contains('ap-detail-row--open'))).toEqual([false, true]);
    expect(text(details[1]?.querySelector('[data-testid="detail"]'))).toBe('Details of Blue Harbour');
    expect(details[1]?.querySelector('td')?.getAttribute('colspan')).toBe(String(COLUMNS.length));
  });

  it('should drop a column when the page leaves it out', async () => {
    const { host, element, stable } = await render();

    host.columns.set(omitColumns(COLUMNS, 'code', false, 'status'));
    await stable();

    expect(headers(element).map((header) => text(header))).toEqual([
      'Name',
      'Due date',
      'Period',
      'Amount',
      'Count',
      'Actions',
    ]);
    expect(element.querySelector('td.mat-column-code')).toBeNull();
  });

  it('should keep the same columns when nothing is left out', () => {
    expect(omitColumns(COLUMNS, false, false)).toBe(COLUMNS);
  });
});
