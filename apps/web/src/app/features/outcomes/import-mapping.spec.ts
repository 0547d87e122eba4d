import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { MetricImportDetailDto, StartImportRequest } from '@agency-portal/shared';
import { MAPPING_PRESETS } from '@agency-portal/shared';
import { anImport } from '../../testing/imports';
import { provideFakeLookups } from '../../testing/lookups';
import { ImportMapping } from './import-mapping';

async function render(item: MetricImportDetailDto) {
  TestBed.configureTestingModule({
    imports: [ImportMapping],
    providers: [provideFakeLookups({ goals: [{ id: 'goal-1', label: 'Spring sign-ups' }] })],
  });
  const fixture = TestBed.createComponent(ImportMapping);
  fixture.componentRef.setInput('item', item);
  fixture.componentRef.setInput('presets', MAPPING_PRESETS);
  const started: StartImportRequest[] = [];
  fixture.componentInstance.startRequested.subscribe((request) => started.push(request));
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const loader = TestbedHarnessEnvironment.loader(fixture);
  return {
    fixture,
    element,
    loader,
    started,
    problems: () =>
      Array.from(element.querySelectorAll('[data-testid="mapping-problems"] li'), (li) =>
        li.textContent?.trim(),
      ),
    submit: async () => {
      element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await fixture.whenStable();
    },
  };
}

const CSV_HEADERS = ['post', 'day', 'views', 'likes', 'notes'];
const manual = () =>
  anImport({
    fileName: 'own.csv',
    headers: CSV_HEADERS,
    sample: [['https://www.instagram.com/reel/C1/', '2026-03-09', '1200', '80', 'launch']],
    suggestedPresetId: null,
  });

describe('ImportMapping', () => {
  it('should preselect the suggested preset and map the export’s columns when the file is a Meta export', async () => {
    const { element, loader, problems, submit, started } = await render(anImport());

    const preset = await loader.getHarness(
      MatSelectHarness.with({ selector: '.ap-mapping__preset mat-select' }),
    );
    expect(await preset.getValueText()).toBe('Meta Business Suite: Instagram posts and reels');
    expect(element.querySelector('[data-testid="preset-suggested"]')).not.toBeNull();
    expect(problems()).toEqual([]);
    const headerCell = Array.from(element.querySelectorAll('.ap-sample th')).find((th) =>
      th.textContent?.includes('Permalink'),
    );
    expect(headerCell?.textContent).toContain('Deliverable (id or post link)');

    await submit();
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ target: 'deliverables', presetId: 'meta_instagram' });
    expect(started[0]?.columns['Permalink']).toBe('deliverable');
    expect(started[0]?.columns['Likes']).toBe('engagements');
  });

  it('should list what is missing and send nothing when a mapping by hand is incomplete', async () => {
    const { fixture, problems, submit, started, element } = await render(manual());

    expect(problems()).toEqual([
      'Say what the column “post” holds, or ignore it.',
      'Say what the column “day” holds, or ignore it.',
      'Say what the column “views” holds, or ignore it.',
      'Say what the column “likes” holds, or ignore it.',
      'Say what the column “notes” holds, or ignore it.',
      "Choose the file's column for Deliverable (id or post link).",
      "Choose the file's column for Date.",
      'Choose a column for at least one figure.',
    ]);
    await submit();
    expect(started).toEqual([]);
    const box = element.querySelector<HTMLElement>('[data-testid="mapping-problems"]');
    expect(box?.getAttribute('role')).toBe('alert');
    expect(document.activeElement).toBe(box);
    fixture.destroy();
  });

  it('should send each field’s columns, with likes added into engagements and the rest ignored, when mapped by hand', async () => {
    const { loader, problems, submit, started } = await render(manual());
    const field = (name: string) =>
      loader.getHarness(MatSelectHarness.with({ selector: `[data-field="${name}"]` }));

    await (await field('deliverable')).clickOptions({ text: 'post' });
    await (await field('date')).clickOptions({ text: 'day' });
    const engagements = await field('engagements');
    await engagements.clickOptions({ text: 'views' });
    await engagements.clickOptions({ text: 'likes' });
    await engagements.close();
    expect(problems()).toEqual(['Say what the column “notes” holds, or ignore it.']);

    const ignoreNotes = await loader.getHarness(MatCheckboxHarness.with({ label: 'Ignore “notes”' }));
    await ignoreNotes.check();
    expect(problems()).toEqual([]);

    await submit();
    expect(started).toEqual([
      {
        target: 'deliverables',
        presetId: null,
        columns: {
          post: 'deliverable',
          day: 'date',
          views: 'engagements',
          likes: 'engagements',
          notes: 'ignore',
        },
      },
    ]);
  });

  it('should ask for the day of a one-day export and for the goal of a goal import', async () => {
    const tiktok = anImport({
      headers: ['Video title', 'Video link', 'Total likes', 'Total views'],
      sample: [],
      suggestedPresetId: 'tiktok_studio',
    });
    const { fixture, loader, problems, submit, started } = await render(tiktok);
    expect(problems()).toEqual(["Choose the file's column for Date."]);

    fixture.componentInstance['dateControl'].setValue('2026-03-09');
    await fixture.whenStable();
    expect(problems()).toEqual([]);
    await submit();
    expect(started[0]).toMatchObject({ presetId: 'tiktok_studio', defaults: { date: '2026-03-09' } });

    const goal = fixture.componentInstance;
    goal['chooseTarget']('goal');
    await fixture.whenStable();
    expect(problems()).toContain('Choose the goal these outcomes belong to.');
    const preset = await loader.getHarness(
      MatSelectHarness.with({ selector: '.ap-mapping__preset mat-select' }),
    );
    await preset.open();
    const options = await preset.getOptions();
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual([
      'Agency Portal template for goal outcomes',
      'Web: Google Analytics 4 exploration by day and utm_content',
      'None: I map the columns myself',
    ]);
  });

  it('should show the server’s column problems when it refuses the mapping', async () => {
    const { fixture, element } = await render(anImport());
    fixture.componentRef.setInput('serverError', {
      code: 'invalid_mapping',
      message: 'The mapping cannot import this file.',
      details: {
        columns: [
          { code: 'unknown_column', column: 'Reach', field: null, message: 'Say what "Reach" holds.' },
        ],
      },
    });
    await fixture.whenStable();

    const alert = element.querySelector('ap-form-error-alert [role="alert"]');
    expect(alert?.textContent).toContain('The mapping cannot import this file.');
    expect(alert?.textContent).toContain('Say what "Reach" holds.');
  });
});
