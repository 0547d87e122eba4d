import type {
  Channel,
  GoalOutcomeDto,
  MetricImportDetailDto,
  MetricImportDto,
  MetricImportErrorDto,
  OutcomeMetric,
  PerformanceMetricDto,
  RowProblem,
} from '@agency-portal/shared';
import { render } from '../i18n/translator';
import type { MetricImport, MetricImportError } from './outcome.entities';
import { rowProblemMessage } from './row-messages';

/** A performance_metrics row as read (`day` is the date as text). */
export interface MetricRow {
  deliverable_id: string;
  day: string;
  channel: Channel;
  impressions: number | null;
  reach: number | null;
  engagements: number | null;
  clicks: number | null;
  video_views: number | null;
  conversions: number | null;
  revenue_minor: string | null;
  revenue_currency: string | null;
  import_id: string;
}

export interface GoalOutcomeRow {
  goal_id: string;
  day: string;
  metric: OutcomeMetric;
  value: string;
  currency: string | null;
  note: string;
  import_id: string;
}

export function toMetricDto(row: MetricRow): PerformanceMetricDto {
  return {
    deliverableId: row.deliverable_id,
    date: row.day,
    channel: row.channel,
    impressions: row.impressions,
    reach: row.reach,
    engagements: row.engagements,
    clicks: row.clicks,
    videoViews: row.video_views,
    conversions: row.conversions,
    revenueMinor: row.revenue_minor === null ? null : Number(row.revenue_minor),
    currency: row.revenue_currency?.trim() ?? null,
    importId: row.import_id,
  };
}

export function toGoalOutcomeDto(row: GoalOutcomeRow): GoalOutcomeDto {
  return {
    goalId: row.goal_id,
    date: row.day,
    metric: row.metric,
    value: Number(row.value),
    currency: row.currency?.trim() ?? null,
    note: row.note,
    importId: row.import_id,
  };
}

export function toImportErrorDto(error: MetricImportError, locale: string): MetricImportErrorDto {
  const code = error.code as RowProblem;
  return {
    line: error.line,
    column: error.columnName,
    code,
    value: error.value,
    params: error.params,
    message: render(locale, rowProblemMessage(code, error.params)),
  };
}

export function toImportDto(item: MetricImport): MetricImportDto {
  return {
    id: item.id,
    source: item.source,
    target: item.target,
    goalId: item.goalId,
    status: item.status,
    fileName: item.fileName,
    fileType: item.fileType,
    presetId: item.preset,
    progress: { total: item.rowsTotal, checked: item.rowsChecked, imported: item.rowsImported },
    counts: {
      inserted: item.inserted,
      updated: item.updated,
      unchanged: item.unchanged,
      removed: item.removed,
      errors: item.errorCount,
    },
    failure: item.failure,
    createdBy: { id: item.createdBy, name: item.creator?.name ?? '', email: item.creator?.email ?? '' },
    createdAt: item.createdAt.toISOString(),
    startedAt: item.startedAt?.toISOString() ?? null,
    finishedAt: item.finishedAt?.toISOString() ?? null,
  };
}

export function toImportDetailDto(item: MetricImport, errors: MetricImportErrorDto[]): MetricImportDetailDto {
  return {
    ...toImportDto(item),
    headers: item.headers,
    headerRow: item.headerRow,
    sample: item.sample,
    suggestedPresetId: item.suggestedPreset,
    mapping: item.mapping,
    errors,
  };
}
