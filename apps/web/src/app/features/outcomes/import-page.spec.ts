import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MetricImportDetailDto } from '@agency-portal/shared';
import { MAPPING_PRESETS } from '@agency-portal/shared';
import { of } from 'rxjs';
import { anImport, anImportError } from '../../testing/imports';
import { provideFakeLookups } from '../../testing/lookups';
import { IMPORT_POLL_MS, ImportPage } from './import-page';
import { ImportService } from './import.service';

const running = (overrides: Partial<MetricImportDetailDto>) =>
  anImport({ status: 'checking', presetId: 'meta_instagram', ...overrides });

async function render(
  answers: MetricImportDetailDto[],
  service: Partial<Record<keyof ImportService, jest.Mock>> = {},
) {
  const get = jest.fn(() => of(answers.length > 1 ? (answers.shift() as MetricImportDetailDto) : answers[0]));
  TestBed.configureTestingModule({
    imports: [ImportPage],
    providers: [
      provideRouter([]),
      provideFakeLookups(),
      { provide: IMPORT_POLL_MS, useValue: POLL },
      {
        provide: ImportService,
        useValue: {
          get,
          presets: jest.fn(() => of({ items: MAPPING_PRESETS })),
          errors: jest.fn(() => of({ items: [anImportError()], nextCursor: null, limit: 25 })),
          ...service,
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(ImportPage);
  fixture.componentRef.setInput('id', 'import-1');
  await fixture.whenStable();
  return { fixture, get, element: fixture.nativeElement as HTMLElement };
}

/** A short poll, so the specs wait for real time (Angular's scheduler runs on real timers). */
const POLL = 20;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ImportPage', () => {
  async function tick(fixture: { whenStable(): Promise<unknown> }, polls: number): Promise<void> {
    await wait(POLL * polls + POLL / 2);
    await fixture.whenStable();
  }

  /** Waits (a loaded machine may be slow) until the page shows the text. */
  async function until(
    fixture: { whenStable(): Promise<unknown> },
    element: HTMLElement,
    text: string,
  ): Promise<void> {
    for (let waited = 0; !element.textContent?.includes(text) && waited < 5000; waited += POLL) {
      await tick(fixture, 1);
    }
    expect(element.textContent).toContain(text);
  }

  it('should ask again while the job runs, show its progress, and stop asking once it is imported', async () => {
    const { fixture, get, element } = await render([
      running({ progress: { total: 4, checked: 1, imported: 0 } }),
      running({ status: 'importing', progress: { total: 4, checked: 4, imported: 2 } }),
      running({
        status: 'imported',
        progress: { total: 4, checked: 4, imported: 4 },
        counts: { inserted: 3, updated: 1, unchanged: 0, removed: 0, errors: 0 },
        finishedAt: '2026-03-10T09:01:00.000Z',
      }),
    ]);
    expect(element.textContent).toContain('Checking every row: 1 of 4.');
    expect(element.querySelector('mat-progress-bar')?.getAttribute('aria-valuenow')).toBe('25');

    await until(fixture, element, 'Imported: every row was checked and stored.');
    expect(element.querySelector('[data-testid="count-inserted"]')?.textContent?.trim()).toBe('3');
    expect(element.querySelector('[data-testid="count-updated"]')?.textContent?.trim()).toBe('1');
    expect(get).toHaveBeenCalledTimes(3);

    await tick(fixture, 10);
    expect(get).toHaveBeenCalledTimes(3);
  });

  it('should stop asking when the page is left while the job runs', async () => {
    const { fixture, get } = await render([running({})]);
    for (let waited = 0; get.mock.calls.length < 2 && waited < 5000; waited += POLL) await tick(fixture, 1);
    expect(get.mock.calls.length).toBeGreaterThanOrEqual(2);

    fixture.destroy();
    const calls = get.mock.calls.length;
    await wait(POLL * 10);
    expect(get).toHaveBeenCalledTimes(calls);
  });

  it('should say nothing was stored and list the line errors when the file is refused', async () => {
    const { element, get } = await render([
      running({
        status: 'refused',
        counts: { inserted: 0, updated: 0, unchanged: 0, removed: 0, errors: 1 },
      }),
    ]);

    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'The file was refused: nothing was stored.',
    );
    const cells = Array.from(element.querySelectorAll('ap-import-errors td'), (cell) =>
      cell.textContent?.trim(),
    );
    expect(cells).toEqual(['3', 'Views', '-5', 'A count cannot be negative.']);
    expect(element.querySelector('ap-list-paginator')?.textContent).toContain('1–1 of 1');
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('should show the mapping step for an uploaded file, and the result once it is started', async () => {
    const start = jest.fn(() => of(running({ status: 'queued' })));
    const { fixture, element, get } = await render([anImport(), running({ status: 'queued' })], { start });
    expect(element.querySelector('h1')?.textContent).toContain('Map the columns of instagram.csv');
    expect(document.activeElement).toBe(element.querySelector('h1'));

    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();

    expect(start).toHaveBeenCalledWith(
      anImport().id,
      expect.objectContaining({ presetId: 'meta_instagram' }),
    );
    expect(element.querySelector('h1')?.textContent).toContain('Import of instagram.csv');
    expect(element.textContent).toContain('Waiting for the import to start…');
    expect(get).toHaveBeenCalledTimes(2);
    fixture.destroy();
  });
});
