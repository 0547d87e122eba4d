import { isKnownCurrency } from '../money/money';
import { CHANNELS, type Channel } from '../goals/goal.types';
import {
  IGNORE,
  SINGLE_COLUMN_FIELDS,
  TARGET_FIELDS,
  VALUE_FIELDS,
  type ColumnTarget,
  type ImportField,
  type ImportMapping,
  type ImportTarget,
  type MappingDefaults,
} from './imports';
import { MAPPING_PRESETS, presetById, type MappingPreset } from './presets';
import { readDate } from './values';

/**
 * The mapping step as pure functions: which preset fits a file's header, the mapping a preset
 * gives it, and whether a mapping can import the file at all. The API refuses a mapping with any
 * problem; the web app shows the same problems beside the columns before anything is sent.
 */
export const COLUMN_PROBLEMS = [
  'unknown_column',
  'column_not_in_file',
  'missing_column',
  'field_mapped_twice',
  'field_not_allowed',
  'no_value_columns',
  'currency_missing',
  'bad_default',
] as const;
export type ColumnProblemCode = (typeof COLUMN_PROBLEMS)[number];

export interface ColumnProblem {
  code: ColumnProblemCode;
  /** The file's column it concerns (null: the mapping as a whole). */
  column: string | null;
  /** The field it concerns. */
  field: ImportField | keyof MappingDefaults | null;
}

/** How column names compare: case, surrounding space, repeated spaces and a byte-order mark do not matter. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/**
 * A header row as the mapping step shows it: blank names become "Column N" and a repeated name
 * gets " (2)", " (3)" …, so every column has a name of its own to be mapped by.
 */
export function uniqueHeaders(cells: readonly (string | null)[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const base =
      (cell ?? '')
        .replace(/^\uFEFF/, '')
        .trim()
        .replace(/\s+/g, ' ') || `Column ${index + 1}`;
    const key = normalizeHeader(base);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/** The mapping a preset gives a file's columns; columns it does not know are left out (unknown). */
export function presetMapping(
  preset: MappingPreset,
  headers: readonly string[],
): Record<string, ColumnTarget> {
  const fields = new Map(
    Object.entries(preset.columns).map(([name, field]) => [normalizeHeader(name), field]),
  );
  const ignored = new Set(preset.ignore.map(normalizeHeader));
  const columns: Record<string, ColumnTarget> = {};
  for (const header of headers) {
    const key = normalizeHeader(header);
    const field = fields.get(key);
    if (field) columns[header] = field;
    else if (ignored.has(key)) columns[header] = IGNORE;
  }
  return columns;
}

/**
 * The preset a header row comes from: the one that knows the most of its columns, provided it
 * knows at least half of them and finds its identifying column (the deliverable's). Null: none fits.
 */
export function suggestPreset(
  headers: readonly string[],
  target: ImportTarget = 'deliverables',
): MappingPreset | null {
  let best: { preset: MappingPreset; known: number } | null = null;
  for (const preset of MAPPING_PRESETS.filter((candidate) => candidate.targets.includes(target))) {
    const columns = presetMapping(preset, headers);
    const known = Object.keys(columns).length;
    const identifies = target === 'goal' || Object.values(columns).some((field) => field === 'deliverable');
    if (identifies && known * 2 >= headers.length && known > 0 && (!best || known > best.known)) {
      best = { preset, known };
    }
  }
  return best?.preset ?? null;
}

/** Every problem that keeps a mapping from importing a file with these columns into the target. */
export function validateMapping(
  headers: readonly string[],
  mapping: ImportMapping,
  target: ImportTarget,
): ColumnProblem[] {
  const problems: ColumnProblem[] = [];
  const inFile = new Set(headers);
  for (const header of headers) {
    if (!(header in mapping.columns)) problems.push({ code: 'unknown_column', column: header, field: null });
  }
  const used = new Map<ImportField, string[]>();
  for (const [column, field] of Object.entries(mapping.columns)) {
    if (!inFile.has(column)) {
      problems.push({ code: 'column_not_in_file', column, field: field === IGNORE ? null : field });
      continue;
    }
    if (field === IGNORE) continue;
    if (!TARGET_FIELDS[target].includes(field)) {
      problems.push({ code: 'field_not_allowed', column, field });
      continue;
    }
    used.set(field, [...(used.get(field) ?? []), column]);
  }
  for (const field of SINGLE_COLUMN_FIELDS) {
    for (const column of (used.get(field) ?? []).slice(1)) {
      problems.push({ code: 'field_mapped_twice', column, field });
    }
  }
  const defaults = mapping.defaults ?? {};
  problems.push(...defaultProblems(defaults));
  // A missing column names the preset's own column for the field, so the message can say which.
  const expected = (field: ImportField): string | null => {
    const preset = presetById(mapping.presetId);
    return preset
      ? (Object.entries(preset.columns).find(([, target]) => target === field)?.[0] ?? null)
      : null;
  };
  if (target === 'deliverables' && !used.has('deliverable')) {
    problems.push({ code: 'missing_column', column: expected('deliverable'), field: 'deliverable' });
  }
  if (!used.has('date') && !defaults.date) {
    problems.push({ code: 'missing_column', column: expected('date'), field: 'date' });
  }
  if (!VALUE_FIELDS.some((field) => used.has(field))) {
    problems.push({ code: 'no_value_columns', column: null, field: null });
  }
  if (used.has('revenue') && !used.has('currency') && !defaults.currency) {
    problems.push({ code: 'currency_missing', column: null, field: 'currency' });
  }
  return problems;
}

function defaultProblems(defaults: MappingDefaults): ColumnProblem[] {
  const problems: ColumnProblem[] = [];
  if (defaults.date !== undefined) {
    const read = readDate(defaults.date, ['iso']);
    if (!read.ok || read.value !== defaults.date)
      problems.push({ code: 'bad_default', column: null, field: 'date' });
  }
  if (defaults.channel !== undefined && !(CHANNELS as readonly string[]).includes(defaults.channel)) {
    problems.push({ code: 'bad_default', column: null, field: 'channel' });
  }
  if (defaults.currency !== undefined && !isKnownCurrency(defaults.currency)) {
    problems.push({ code: 'bad_default', column: null, field: 'currency' });
  }
  return problems;
}

/** A valid mapping as column positions per field, for reading rows. */
export interface ColumnPlan {
  /** field → the positions of its columns in a row (several for fields that add up). */
  fields: Partial<Record<ImportField, number[]>>;
  defaults: MappingDefaults;
  channel: Channel | null;
}

export function columnPlan(headers: readonly string[], mapping: ImportMapping): ColumnPlan {
  const fields: Partial<Record<ImportField, number[]>> = {};
  headers.forEach((header, index) => {
    const field = mapping.columns[header];
    if (!field || field === IGNORE) return;
    fields[field] = [...(fields[field] ?? []), index];
  });
  const preset = presetById(mapping.presetId);
  return {
    fields,
    defaults: mapping.defaults ?? {},
    channel: mapping.defaults?.channel ?? preset?.channel ?? null,
  };
}
