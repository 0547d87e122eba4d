import { Body, Controller, Param, ParseUUIDPipe, Query, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  MappingPreset,
  MetricImportDetailDto,
  MetricImportDto,
  MetricImportErrorDto,
  MetricImportFormatDto,
  Page,
} from '@agency-portal/shared';
import { MAPPING_PRESETS } from '@agency-portal/shared';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import { UploadsFile } from '../files/discard-upload.interceptor';
import { requireReceived, type UploadedFile as Upload } from '../files/upload';
import {
  ImportErrorListQueryDto,
  MetricImportListQueryDto,
  StartImportDto,
  TemplateQueryDto,
} from './dto/outcome.dto';
import { ImportFormatService } from './import-format.service';
import { ImportsService } from './imports.service';
import { Endpoint } from '../auth/endpoint';

@ApiTags('outcomes')
@ApiBearerAuth()
@Controller()
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly format: ImportFormatService,
  ) {}

  @Endpoint.get(
    'metric-presets',
    'outcome:write',
    "The saved column mappings for the platforms' own exports (Meta, TikTok, YouTube, LinkedIn, X) and owned channels.",
  )
  presets(): { items: readonly MappingPreset[] } {
    return { items: MAPPING_PRESETS };
  }

  @Endpoint.post(
    'metric-imports',
    'outcome:write',
    'Uploads a CSV or XLSX file of metrics (multipart field `file`), checked by content; answers its columns, a few rows and the preset that fits, for the mapping step.',
  )
  @UploadsFile()
  upload(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: Upload | undefined,
  ): Promise<MetricImportDetailDto> {
    return this.imports.upload(actor, requireReceived(file));
  }

  @Endpoint.post(
    'metric-imports/:id/start',
    'outcome:write',
    'Starts an uploaded import with a preset or a column mapping (checked against the file: 422 invalid_mapping); the job then checks the whole file and imports it or refuses it.',
  )
  start(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: StartImportDto,
  ): Promise<MetricImportDetailDto> {
    return this.imports.start(actor, id, body);
  }

  @Endpoint.get('metric-imports', 'outcome:write', 'Imports (files and integration batches), newest first.')
  list(
    @CurrentActor() actor: Actor,
    @Query() query: MetricImportListQueryDto,
  ): Promise<Page<MetricImportDto>> {
    return this.imports.list(actor, query);
  }

  @Endpoint.get(
    'metric-imports/format',
    'outcome:write',
    'What an import file may be (largest size, most rows) and hold: our templates’ columns and the fields each target takes.',
  )
  fileFormat(): MetricImportFormatDto {
    return this.format.describe();
  }

  @Endpoint.get(
    'metric-imports/template',
    'outcome:write',
    'Our template as a CSV file with its header row (docs/outcomes.md), to fill in and import.',
  )
  @ApiProduces('text/csv')
  template(@Query() query: TemplateQueryDto): StreamableFile {
    return this.format.template(query.target ?? 'deliverables');
  }

  @Endpoint.get(
    'metric-imports/:id',
    'outcome:write',
    'One import: its status, progress, counts and first line errors (the result page).',
  )
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<MetricImportDetailDto> {
    return this.imports.get(actor, id);
  }

  @Endpoint.get(
    'metric-imports/:id/errors',
    'outcome:write',
    "Every line error of a refused import, in the file's order.",
  )
  errors(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ImportErrorListQueryDto,
  ): Promise<Page<MetricImportErrorDto>> {
    return this.imports.errors(actor, id, query);
  }
}
