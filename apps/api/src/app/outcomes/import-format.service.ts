import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import type { ImportTarget, MetricImportFormatDto } from '@agency-portal/shared';
import {
  GOAL_TEMPLATE_COLUMNS,
  MAX_IMPORT_ROWS,
  TARGET_FIELDS,
  TEMPLATE_COLUMNS,
} from '@agency-portal/shared';
import { stringify } from 'csv-stringify/sync';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';

const TEMPLATES: Record<ImportTarget, readonly string[]> = {
  deliverables: TEMPLATE_COLUMNS,
  goal: GOAL_TEMPLATE_COLUMNS,
};

const TEMPLATE_FILE_NAMES: Record<ImportTarget, string> = {
  deliverables: 'metrics-template.csv',
  goal: 'goal-outcomes-template.csv',
};

/** The documented file format as data, and our templates as files to fill in (docs/outcomes.md). */
@Injectable()
export class ImportFormatService {
  constructor(@Inject(APP_CONFIG) private readonly config: ResolvedConfig) {}

  describe(): MetricImportFormatDto {
    return {
      maxFileBytes: this.config.metricImportMaxBytes,
      maxRows: MAX_IMPORT_ROWS,
      templates: TEMPLATES,
      fields: TARGET_FIELDS,
    };
  }

  /** The header row only: a sample row would be imported as a real one if left in. */
  template(target: ImportTarget): StreamableFile {
    // A byte-order mark so spreadsheet programs open it as UTF-8.
    const csv = `\uFEFF${stringify([[...TEMPLATES[target]]], { record_delimiter: 'windows' })}`;
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${TEMPLATE_FILE_NAMES[target]}"`,
    });
  }
}
