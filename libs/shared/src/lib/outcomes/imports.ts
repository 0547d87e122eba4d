import type { ListQuery } from '../common/page';
import type { Channel } from '../goals/goal.types';
import type { UserRef } from '../organisation/organisation.types';
import { METRIC_COUNTS, type MetricCount } from './metrics';
import type { RowError } from './rules';

/**
 * An import is a batch of figures with a result: a file (CSV or XLSX) checked whole and then
 * imported or refused, or one integration request. Every stored figure names the import that
 * wrote it last.
 */
export const IMPORT_SOURCES = ['file', 'api'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** Deliverables' daily figures, or one goal's outcomes not tied to a deliverable. */
export const IMPORT_TARGETS = ['deliverables', 'goal'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/**
 * mapping: uploaded, waiting for its column mapping · queued → checking → importing → imported,
 * or refused (line errors; nothing stored) or failed (the portal could not finish; nothing stored).
 */
export const IMPORT_STATUSES = [
  'mapping',
  'queued',
  'checking',
  'importing',
  'imported',
  'refused',
  'failed',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const FINISHED_IMPORT_STATUSES: readonly ImportStatus[] = ['imported', 'refused', 'failed'];

export const IMPORT_FILE_TYPES = ['csv', 'xlsx'] as const;
export type ImportFileType = (typeof IMPORT_FILE_TYPES)[number];

/**
 * What a file's column can hold. `deliverable` is our deliverable id or the post's link (or the
 * platform's id of the post, matched with the row's channel); counts, followers and revenue may
 * come from several columns, which are added (likes + comments + shares = engagements).
 */
export const IMPORT_FIELDS = [
  'deliverable',
  'date',
  'channel',
  ...METRIC_COUNTS,
  'followers',
  'revenue',
  'currency',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IGNORE = 'ignore' as const;
export type ColumnTarget = ImportField | typeof IGNORE;

/** Fields one column at most may fill; the others add up across their columns. */
export const SINGLE_COLUMN_FIELDS: readonly ImportField[] = ['deliverable', 'date', 'channel', 'currency'];

export const VALUE_FIELDS: readonly ImportField[] = [...METRIC_COUNTS, 'followers', 'revenue'];

/** Which fields each target takes. Followers are a goal's (the account's), never one post's. */
export const TARGET_FIELDS: Record<ImportTarget, readonly ImportField[]> = {
  deliverables: ['deliverable', 'date', 'channel', ...METRIC_COUNTS, 'revenue', 'currency'],
  goal: ['date', ...METRIC_COUNTS, 'followers', 'revenue', 'currency'],
};

export function isCountField(field: ImportField): field is MetricCount {
  return (METRIC_COUNTS as readonly string[]).includes(field);
}

/** Values that hold for every row of a file, given in the mapping step. */
export interface MappingDefaults {
  /** The day a per-post export covers, for files without a date column. */
  date?: string;
  /** The channel of every row, for files without a channel column. */
  channel?: Channel;
  /** The currency of the revenue column. */
  currency?: string;
}

/** The mapping step: each of the file's columns → a field or `ignore`. */
export interface ImportMapping {
  presetId?: string | null;
  columns: Record<string, ColumnTarget>;
  defaults?: MappingDefaults;
}

export interface StartImportRequest extends ImportMapping {
  target: ImportTarget;
  /** The goal whose outcomes a `goal` import holds. */
  goalId?: string;
}

export interface ImportProgress {
  /** Data rows in the file; known once it has been read. */
  total: number | null;
  checked: number;
  imported: number;
}

export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Goal outcomes removed (a row with no value). */
  removed: number;
  errors: number;
}

export interface MetricImportDto {
  id: string;
  source: ImportSource;
  target: ImportTarget;
  goalId: string | null;
  status: ImportStatus;
  fileName: string | null;
  fileType: ImportFileType | null;
  presetId: string | null;
  progress: ImportProgress;
  counts: ImportCounts;
  /** Why a failed import failed (a code; the portal logs the rest). */
  failure: string | null;
  createdBy: UserRef;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface MetricImportDetailDto extends MetricImportDto {
  /** The file's column names, in order (from its header row). */
  headers: string[];
  /** The header's line in the file (1 = first). */
  headerRow: number;
  /** The first data rows as text, for the mapping step. */
  sample: string[][];
  /** The preset whose columns the file has, if any. */
  suggestedPresetId: string | null;
  mapping: ImportMapping | null;
  /** The first errors (all of them: `GET /api/metric-imports/:id/errors`). */
  errors: MetricImportErrorDto[];
}

export interface MetricImportErrorDto extends RowError {
  /** The problem in the reader's language. */
  message: string;
}

export const IMPORT_SORT_KEYS = ['createdAt'] as const;
export type ImportSortKey = (typeof IMPORT_SORT_KEYS)[number];

/** `GET /api/metric-imports`: newest first. */
export interface MetricImportListQuery extends Omit<ListQuery, 'q'> {
  status?: ImportStatus;
  source?: ImportSource;
  target?: ImportTarget;
  goalId?: string;
}

/** Sample rows shown in the mapping step. */
export const IMPORT_SAMPLE_ROWS = 5;

/**
 * `GET /api/metric-imports/format`: what a file may be and hold, for the upload and mapping
 * steps (the size is the deployment's `METRIC_IMPORT_MAX_BYTES`).
 */
export interface MetricImportFormatDto {
  maxFileBytes: number;
  maxRows: number;
  /** Our template's columns per target (`GET /api/metric-imports/template?target=`). */
  templates: Record<ImportTarget, readonly string[]>;
  /** The fields each target takes, in the mapping step's order. */
  fields: Record<ImportTarget, readonly ImportField[]>;
}
