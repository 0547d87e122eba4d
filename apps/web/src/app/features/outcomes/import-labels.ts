import type {
  ColumnProblem,
  ImportField,
  ImportSource,
  ImportStatus,
  ImportTarget,
  MappingPreset,
} from '@agency-portal/shared';
import { KPI_METRIC_LABELS } from '../../shared/i18n/labels';
import type { StatusTone } from '../../shared/ui/status-chip';

export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  mapping: $localize`:Status of a metrics import — uploaded, its columns not mapped yet@@importStatus.mapping:Waiting for its mapping`,
  queued: $localize`:Status of a metrics import — waiting for the job to start@@importStatus.queued:Queued`,
  checking: $localize`:Status of a metrics import — every row is being checked@@importStatus.checking:Checking`,
  importing: $localize`:Status of a metrics import — the rows are being stored@@importStatus.importing:Importing`,
  imported: $localize`:Status of a metrics import — stored@@importStatus.imported:Imported`,
  refused: $localize`:Status of a metrics import — refused for line errors, nothing stored@@importStatus.refused:Refused`,
  failed: $localize`:Status of a metrics import — the portal could not finish it@@importStatus.failed:Failed`,
};

export const IMPORT_STATUS_TONES: Record<ImportStatus, StatusTone> = {
  mapping: 'pending',
  queued: 'pending',
  checking: 'pending',
  importing: 'pending',
  imported: 'active',
  refused: 'inactive',
  failed: 'inactive',
};

export const IMPORT_SOURCE_LABELS: Record<ImportSource, string> = {
  file: $localize`:Where an import came from — a CSV or XLSX file@@importSource.file:File`,
  api: $localize`:Where an import came from — an integration through the API@@importSource.api:Integration (API)`,
};

export const IMPORT_TARGET_LABELS: Record<ImportTarget, string> = {
  deliverables: $localize`:What an import holds — published deliverables' daily figures@@importTarget.deliverables:Deliverables' daily figures`,
  goal: $localize`:What an import holds — a goal's own outcomes@@importTarget.goal:A goal's own outcomes`,
};

/** Our fields, as the mapping step names them. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  deliverable: $localize`:Import field — the deliverable (its id or post link)@@importField.deliverable:Deliverable (id or post link)`,
  date: $localize`:Import field — the reporting day@@importField.date:Date`,
  channel: $localize`:Import field — the channel@@importField.channel:Channel`,
  impressions: KPI_METRIC_LABELS.impressions,
  reach: KPI_METRIC_LABELS.reach,
  engagements: KPI_METRIC_LABELS.engagements,
  clicks: KPI_METRIC_LABELS.clicks,
  video_views: KPI_METRIC_LABELS.video_views,
  conversions: KPI_METRIC_LABELS.conversions,
  followers: KPI_METRIC_LABELS.followers,
  revenue: KPI_METRIC_LABELS.revenue,
  currency: $localize`:Import field — the revenue's currency@@importField.currency:Currency`,
};

/** Preset names by id; a preset the app does not know yet keeps the server's English name. */
const PRESET_LABELS: Record<string, string> = {
  template: $localize`:Import preset@@importPreset.template:Agency Portal template`,
  goal_template: $localize`:Import preset@@importPreset.goal_template:Agency Portal template for goal outcomes`,
  meta_instagram: $localize`:Import preset@@importPreset.meta_instagram:Meta Business Suite: Instagram posts and reels`,
  meta_facebook: $localize`:Import preset@@importPreset.meta_facebook:Meta Business Suite: Facebook posts`,
  tiktok_studio: $localize`:Import preset@@importPreset.tiktok_studio:TikTok Studio: content (per video)`,
  youtube_studio: $localize`:Import preset@@importPreset.youtube_studio:YouTube Studio: advanced mode, chart data by day`,
  linkedin_page: $localize`:Import preset@@importPreset.linkedin_page:LinkedIn Page analytics: posts (All posts sheet)`,
  x_analytics: $localize`:Import preset@@importPreset.x_analytics:X analytics: post activity`,
  email_klaviyo: $localize`:Import preset@@importPreset.email_klaviyo:E-mail: Klaviyo campaign export`,
  web_ga4: $localize`:Import preset@@importPreset.web_ga4:Web: Google Analytics 4 exploration by day and utm_content`,
  app_appsflyer: $localize`:Import preset@@importPreset.app_appsflyer:App: AppsFlyer partners report by date (campaign = deliverable)`,
};

export function presetLabel(preset: Pick<MappingPreset, 'id' | 'label'>): string {
  return PRESET_LABELS[preset.id] ?? preset.label;
}

/** What keeps a mapping from importing the file, in words (the API words the same problems). */
export function columnProblemText(problem: ColumnProblem): string {
  const column = problem.column ?? '';
  const field =
    problem.field && problem.field in IMPORT_FIELD_LABELS
      ? IMPORT_FIELD_LABELS[problem.field]
      : (problem.field ?? '');
  switch (problem.code) {
    case 'unknown_column':
      return $localize`:@@importProblem.unknown_column:Say what the column “${column}:column:” holds, or ignore it.`;
    case 'column_not_in_file':
      return $localize`:@@importProblem.column_not_in_file:The file has no column “${column}:column:”.`;
    case 'missing_column':
      return column
        ? $localize`:@@importProblem.missing_column_named:Choose the file's column for ${field}:field: (this export calls it “${column}:column:”).`
        : $localize`:@@importProblem.missing_column:Choose the file's column for ${field}:field:.`;
    case 'field_mapped_twice':
      return $localize`:@@importProblem.field_mapped_twice:Only one column can hold ${field}:field:; “${column}:column:” is a second one.`;
    case 'field_not_allowed':
      return $localize`:@@importProblem.field_not_allowed:${field}:field: cannot be imported here (“${column}:column:”).`;
    case 'no_value_columns':
      return $localize`:@@importProblem.no_value_columns:Choose a column for at least one figure.`;
    case 'currency_missing':
      return $localize`:@@importProblem.currency_missing:Revenue needs a currency column or a currency for the whole file.`;
    case 'bad_default':
      return $localize`:@@importProblem.bad_default:The ${field}:field: given for the whole file is not valid.`;
  }
}
