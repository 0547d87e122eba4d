import type { MetricImportDetailDto, MetricImportErrorDto } from '@agency-portal/shared';
import { PRESET_SAMPLE_HEADERS } from '@agency-portal/shared';

/** An uploaded Instagram export waiting for its mapping, as `POST /api/metric-imports` answers it. */
export function anImport(overrides: Partial<MetricImportDetailDto> = {}): MetricImportDetailDto {
  const headers = [...(PRESET_SAMPLE_HEADERS['meta_instagram'] ?? [])].map((header) =>
    header.replace(/^\uFEFF/, ''),
  );
  return {
    id: '9b2f7a10-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
    source: 'file',
    target: 'deliverables',
    goalId: null,
    status: 'mapping',
    fileName: 'instagram.csv',
    fileType: 'csv',
    presetId: null,
    progress: { total: null, checked: 0, imported: 0 },
    counts: { inserted: 0, updated: 0, unchanged: 0, removed: 0, errors: 0 },
    failure: null,
    createdBy: { id: 'user-1', name: 'Lead Person', email: 'lead@example.test' },
    createdAt: '2026-03-10T09:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    headers,
    headerRow: 1,
    sample: [headers.map((header) => (header === 'Permalink' ? 'https://www.instagram.com/reel/C1/' : '1'))],
    suggestedPresetId: 'meta_instagram',
    mapping: null,
    errors: [],
    ...overrides,
  };
}

export function anImportError(overrides: Partial<MetricImportErrorDto> = {}): MetricImportErrorDto {
  return {
    line: 3,
    column: 'Views',
    code: 'negative_value',
    value: '-5',
    params: {},
    message: 'A count cannot be negative.',
    ...overrides,
  };
}
