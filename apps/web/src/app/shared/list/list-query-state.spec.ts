import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { SEARCH_DEBOUNCE_MS, isoDate, listQueryState, oneOf, uuid } from './list-query-state';

/** A routed page that only holds a list state, as every list page does. */
@Component({ selector: 'ap-list-host', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class ListHost {
  readonly list = listQueryState({
    filters: ['status', 'title'] as const,
    sortKeys: ['name', 'createdAt'],
    defaultSort: '-createdAt',
    textFilters: ['title'] as const,
  });
}

describe('ListQueryState', () => {
  let harness: RouterTestingHarness;
  let host: ListHost;

  async function open(url: string): Promise<void> {
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'things', component: ListHost }])] });
    harness = await RouterTestingHarness.create();
    host = await harness.navigateByUrl(url, ListHost);
  }

  async function settled(): Promise<void> {
    await harness.fixture.whenStable();
  }

  function url(): string {
    return TestBed.inject(Router).url;
  }

  it('should read filters, search, sort and cursor from the URL when the page opens', async () => {
    await open('/things?status=%20open%20&q=spring&sort=name&cursor=abc_1&prev=p1.p2');

    expect(host.list.filters()).toEqual({ status: 'open', title: '' });
    expect(host.list.listParams()).toEqual({ limit: 25, sort: 'name', cursor: 'abc_1', q: 'spring' });
    expect(host.list.pageIndex()).toBe(3);
    expect(host.list.hasFilters()).toBe(true);
    expect(host.list.form.controls.status.value).toBe('open');
    expect(host.list.searchControl.value).toBe('spring');
  });

  it('should fall back to the default sort and the first page when the URL holds an unknown sort or a bad cursor', async () => {
    await open('/things?sort=-password&cursor=not%20a%20cursor!');

    expect(host.list.sortState()).toEqual({ key: 'createdAt', direction: 'desc' });
    expect(host.list.listParams()).toEqual({
      limit: 25,
      sort: '-createdAt',
      cursor: undefined,
      q: undefined,
    });
    expect(host.list.pageIndex()).toBe(0);
    expect(host.list.hasFilters()).toBe(false);
  });

  it('should write the sort into the URL and go back to the first page when a header is clicked', async () => {
    await open('/things?status=open&cursor=abc&prev=p1');

    host.list.setSort({ active: 'name', direction: 'asc' });
    await settled();
    expect(url()).toBe('/things?status=open&sort=name');

    host.list.setSort({ active: 'createdAt', direction: 'desc' });
    await settled();
    expect(url()).toBe('/things?status=open');
  });

  it('should keep earlier cursors in the URL so Previous walks back to the first page', async () => {
    await open('/things?sort=name');

    host.list.nextPage('c2');
    await settled();
    expect(url()).toBe('/things?sort=name&cursor=c2');
    host.list.nextPage('c3');
    await settled();
    expect(url()).toBe('/things?sort=name&cursor=c3&prev=c2');
    expect(host.list.pageIndex()).toBe(2);

    host.list.previousPage();
    await settled();
    expect(url()).toBe('/things?sort=name&cursor=c2');
    host.list.previousPage();
    await settled();
    expect(url()).toBe('/things?sort=name');
    expect(host.list.pageIndex()).toBe(0);
  });

  it('should navigate to the first page with the filter when a filter field changes', async () => {
    await open('/things?cursor=c2');

    host.list.form.controls.status.setValue('closed');
    await settled();

    expect(url()).toBe('/things?status=closed');
    expect(host.list.filters().status).toBe('closed');
  });

  it('should follow the search only once typing rests, and replace the history entry', async () => {
    await open('/things');
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate');

    host.list.searchControl.setValue('sp');
    host.list.searchControl.setValue('spr');
    host.list.searchControl.setValue(' spring ');
    expect(navigate).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, SEARCH_DEBOUNCE_MS + 50));
    await settled();

    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith([], expect.objectContaining({ replaceUrl: true }));
    expect(url()).toBe('/things?q=spring');
  });

  it('should fill the fields from the URL when the URL changes (back, a shared link)', async () => {
    await open('/things?status=open&q=spring');

    await harness.navigateByUrl('/things?status=closed');

    expect(host.list.form.controls.status.value).toBe('closed');
    expect(host.list.searchControl.value).toBe('');
  });

  it('should remove every filter and the search but keep the sort when filters are cleared', async () => {
    await open('/things?status=open&title=brief&q=spring&sort=name&cursor=c2');

    host.list.clearFilters();
    await settled();

    expect(url()).toBe('/things?sort=name');
    expect(host.list.hasFilters()).toBe(false);
  });
});

describe('URL filter values', () => {
  it('should keep only allowed values, real dates and UUIDs', () => {
    expect(oneOf(['open', 'closed'] as const, 'open')).toBe('open');
    expect(oneOf(['open', 'closed'] as const, 'OPEN')).toBeUndefined();
    expect(isoDate('2026-02-28')).toBe('2026-02-28');
    expect(isoDate('2026-13-01')).toBeUndefined();
    expect(isoDate('yesterday')).toBeUndefined();
    expect(uuid('0b8f6c2e-3c1d-4c9a-9a57-2f1e5d6c7b8a')).toBe('0b8f6c2e-3c1d-4c9a-9a57-2f1e5d6c7b8a');
    expect(uuid('1 OR 1=1')).toBeUndefined();
  });
});
