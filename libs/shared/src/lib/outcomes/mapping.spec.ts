import { IGNORE, type ImportMapping } from './imports';
import { presetMapping, suggestPreset, uniqueHeaders, validateMapping, columnPlan } from './mapping';
import { MAPPING_PRESETS, presetById } from './presets';
import { PRESET_SAMPLE_HEADERS } from './preset-samples';

function mappingOf(
  presetId: string,
  headers: readonly string[],
  defaults: ImportMapping['defaults'] = {},
): ImportMapping {
  const preset = presetById(presetId);
  if (!preset) throw new Error(presetId);
  return { presetId, columns: presetMapping(preset, headers), defaults };
}

/** What the mapping step must add for an export: the day of per-post exports, the revenue's currency. */
function defaultsFor(presetId: string): ImportMapping['defaults'] {
  const preset = presetById(presetId);
  return {
    ...(preset?.dates === 'file' ? { date: '2026-03-01' } : {}),
    ...(preset?.needsCurrency ? { currency: 'USD' } : {}),
  };
}

describe('mapping presets', () => {
  it('should have a sample header row for every preset when the specs run', () => {
    expect(Object.keys(PRESET_SAMPLE_HEADERS).sort()).toEqual(
      MAPPING_PRESETS.map((preset) => preset.id).sort(),
    );
  });

  it.each(MAPPING_PRESETS.map((preset) => preset.id))(
    "should map every column of the %s export's header with nothing left to decide when applied",
    (id) => {
      const headers = uniqueHeaders(PRESET_SAMPLE_HEADERS[id] ?? []);
      const preset = presetById(id);
      const mapping = mappingOf(id, headers, defaultsFor(id));
      expect(validateMapping(headers, mapping, preset?.targets[0] ?? 'deliverables')).toEqual([]);
      expect(Object.keys(mapping.columns).sort()).toEqual([...headers].sort());
    },
  );

  it.each(MAPPING_PRESETS.filter((preset) => preset.id !== 'goal_template').map((preset) => preset.id))(
    'should recognise the %s export from its header when suggesting a preset',
    (id) => {
      expect(suggestPreset(uniqueHeaders(PRESET_SAMPLE_HEADERS[id] ?? []))?.id).toBe(id);
    },
  );

  it('should add likes, comments, shares and saves into engagements when planning an Instagram file', () => {
    const headers = uniqueHeaders(PRESET_SAMPLE_HEADERS['meta_instagram'] ?? []);
    const plan = columnPlan(headers, mappingOf('meta_instagram', headers));
    expect(plan.fields.engagements?.map((index) => headers[index])).toEqual([
      'Likes',
      'Shares',
      'Comments',
      'Saves',
    ]);
    expect(plan.channel).toBe('instagram');
  });

  it('should suggest no preset when a header matches none of them', () => {
    expect(suggestPreset(['foo', 'bar'])).toBeNull();
  });
});

describe('validating a mapping', () => {
  const headers = ['deliverable', 'date', 'impressions', 'revenue'];

  it('should name an unknown column the mapping says nothing about when validated', () => {
    const problems = validateMapping(
      [...headers, 'Impresions'],
      { columns: { deliverable: 'deliverable', date: 'date', impressions: 'impressions', revenue: IGNORE } },
      'deliverables',
    );
    expect(problems).toEqual([{ code: 'unknown_column', column: 'Impresions', field: null }]);
  });

  it('should name the missing column, as the preset calls it, when the file lacks it', () => {
    const instagram = uniqueHeaders(PRESET_SAMPLE_HEADERS['meta_instagram'] ?? []).filter(
      (header) => header !== 'Permalink',
    );
    expect(validateMapping(instagram, mappingOf('meta_instagram', instagram), 'deliverables')).toEqual([
      { code: 'missing_column', column: 'Permalink', field: 'deliverable' },
    ]);
  });

  it('should ask for the day of a per-post export and the currency of revenue when they are not in the file', () => {
    const tiktok = uniqueHeaders(PRESET_SAMPLE_HEADERS['tiktok_studio'] ?? []);
    expect(validateMapping(tiktok, mappingOf('tiktok_studio', tiktok), 'deliverables')).toEqual([
      { code: 'missing_column', column: null, field: 'date' },
    ]);
    expect(
      validateMapping(
        headers,
        {
          columns: {
            deliverable: 'deliverable',
            date: 'date',
            impressions: 'impressions',
            revenue: 'revenue',
          },
        },
        'deliverables',
      ),
    ).toEqual([{ code: 'currency_missing', column: null, field: 'currency' }]);
  });

  it('should refuse a key field on two columns, fields the target does not take and bad defaults when validated', () => {
    const problems = validateMapping(
      ['a', 'b', 'c', 'd'],
      {
        columns: { a: 'deliverable', b: 'deliverable', c: 'followers', d: 'date' },
        defaults: { channel: 'myspace' as never, currency: 'XXX' },
      },
      'deliverables',
    );
    expect(problems).toEqual([
      { code: 'field_not_allowed', column: 'c', field: 'followers' },
      { code: 'field_mapped_twice', column: 'b', field: 'deliverable' },
      { code: 'bad_default', column: null, field: 'channel' },
      { code: 'bad_default', column: null, field: 'currency' },
      { code: 'no_value_columns', column: null, field: null },
    ]);
  });

  it('should refuse a mapping naming a column the file does not have when validated', () => {
    expect(
      validateMapping(
        ['date', 'conversions'],
        { columns: { date: 'date', conversions: 'conversions', signups: 'conversions' } },
        'goal',
      ),
    ).toEqual([{ code: 'column_not_in_file', column: 'signups', field: 'conversions' }]);
  });

  it('should give blank and repeated column names names of their own when reading a header', () => {
    expect(uniqueHeaders(['Reactions', '', 'reactions ', null])).toEqual([
      'Reactions',
      'Column 2',
      'reactions (2)',
      'Column 4',
    ]);
  });
});
