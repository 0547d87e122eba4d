import { IGNORE } from './imports';
import { columnPlan, presetMapping } from './mapping';
import { presetById } from './presets';
import { combineRows, readRow, type ReadRow } from './row-reader';

const TEMPLATE = ['deliverable', 'date', 'channel', 'impressions', 'engagements', 'revenue', 'currency'];
const plan = columnPlan(TEMPLATE, {
  presetId: 'template',
  columns: Object.fromEntries(TEMPLATE.map((column) => [column, column])) as Record<string, never>,
});

describe('reading a row', () => {
  it('should read the figures of a template row when every cell is good', () => {
    const reading = readRow(
      ['d-1', '2026-03-02', 'Instagram', '1,200', '40', '12.50', 'usd'],
      2,
      TEMPLATE,
      plan,
      'deliverables',
      'template',
    );
    expect(reading).toEqual({
      kind: 'row',
      row: {
        line: 2,
        deliverable: 'd-1',
        date: '2026-03-02',
        channel: 'instagram',
        counts: { impressions: 1200, engagements: 40 },
        followers: null,
        revenueMinor: 1250,
        currency: 'USD',
      },
    });
  });

  it('should report every problem of a row with its column and value when cells are bad', () => {
    const reading = readRow(
      ['', '2026-02-30', 'myspace', '-3', '1.5', '10', 'ZZZ'],
      7,
      TEMPLATE,
      plan,
      'deliverables',
      'template',
    );
    expect(reading.kind).toBe('errors');
    expect(
      reading.kind === 'errors'
        ? reading.errors.map(({ column, code, value }) => ({ column, code, value }))
        : [],
    ).toEqual([
      { column: 'deliverable', code: 'missing_value', value: null },
      { column: 'date', code: 'not_a_date', value: '2026-02-30' },
      { column: 'channel', code: 'unknown_channel', value: 'myspace' },
      { column: 'currency', code: 'unknown_currency', value: 'ZZZ' },
      { column: 'impressions', code: 'negative_value', value: '-3' },
      { column: 'engagements', code: 'not_a_number', value: '1.5' },
      { column: 'currency', code: 'currency_required', value: 'ZZZ' },
    ]);
  });

  it('should refuse a row with a deliverable and a day but no figures when read', () => {
    const reading = readRow(
      ['d-1', '2026-03-02', '', '', '', '', ''],
      3,
      TEMPLATE,
      plan,
      'deliverables',
      'template',
    );
    expect(reading).toEqual({
      kind: 'errors',
      errors: [{ line: 3, column: null, code: 'no_values', value: null, params: {} }],
    });
  });

  it("should skip blank rows and the export's own totals when read", () => {
    const youtube = ['Date', 'Content', 'Views'];
    const preset = presetById('youtube_studio');
    if (!preset) throw new Error('youtube_studio');
    const youtubePlan = columnPlan(youtube, {
      presetId: 'youtube_studio',
      columns: presetMapping(preset, youtube),
    });
    expect(readRow(['', 'Total', '9000'], 2, youtube, youtubePlan, 'deliverables', 'youtube_studio')).toEqual(
      { kind: 'skip' },
    );
    expect(readRow([null, '', ''], 3, youtube, youtubePlan, 'deliverables', 'youtube_studio')).toEqual({
      kind: 'skip',
    });
    expect(
      readRow(
        ['Mar 9, 2026', 'abcDEF12345', '300'],
        4,
        youtube,
        youtubePlan,
        'deliverables',
        'youtube_studio',
      ),
    ).toMatchObject({
      kind: 'row',
      row: {
        date: '2026-03-09',
        deliverable: 'abcDEF12345',
        channel: 'youtube',
        counts: { video_views: 300 },
      },
    });
  });

  it("should take the file's day from the mapping when a per-post export has no date column", () => {
    const headers = ['Video link', 'Total views', 'Video title'];
    const tiktokPlan = columnPlan(headers, {
      presetId: 'tiktok_studio',
      columns: { 'Video link': 'deliverable', 'Total views': 'video_views', 'Video title': IGNORE },
      defaults: { date: '2026-03-01' },
    });
    expect(
      readRow(
        ['https://www.tiktok.com/@b/video/1', '5000', 'x'],
        2,
        headers,
        tiktokPlan,
        'deliverables',
        'tiktok_studio',
      ),
    ).toMatchObject({
      kind: 'row',
      row: { date: '2026-03-01', channel: 'tiktok', counts: { video_views: 5000 } },
    });
  });
});

describe('rows under the same key', () => {
  const row = (line: number, impressions: number): ReadRow => ({
    line,
    deliverable: 'd-1',
    date: '2026-03-02',
    channel: 'app',
    counts: { impressions },
    followers: null,
    revenueMinor: 100,
    currency: 'USD',
  });

  it('should refuse the repeat of a row naming the first line when the preset does not add them', () => {
    const { rows, errors } = combineRows(
      [
        { key: 'k', row: row(2, 10) },
        { key: 'k', row: row(5, 20) },
      ],
      false,
    );
    expect(rows).toHaveLength(1);
    expect(errors).toEqual([
      { line: 5, column: null, code: 'duplicate_row', value: null, params: { line: '2' } },
    ]);
  });

  it('should add rows split by further dimensions when the preset says so', () => {
    const { rows, errors } = combineRows(
      [
        { key: 'k', row: row(2, 10) },
        { key: 'k', row: row(3, 20) },
      ],
      true,
    );
    expect(errors).toEqual([]);
    expect(rows[0]?.row).toMatchObject({ counts: { impressions: 30 }, revenueMinor: 200 });
  });
});
