import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
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
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { DiscardUploadOnErrorInterceptor } from '../files/discard-upload.interceptor';
import { requireReceived, type UploadedFile as Upload } from '../files/upload';
import {
  ImportErrorListQueryDto,
  MetricImportListQueryDto,
  StartImportDto,
  TemplateQueryDto,
} from './dto/outcome.dto';
import { ImportFormatService } from './import-format.service';
import { ImportsService } from './imports.service';

@ApiTags('outcomes')
@ApiBearerAuth()
@Controller()
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly format: ImportFormatService,
  ) {}

  @Get('metric-presets')
  @ApiOperation({
    description:
      "The saved column mappings for the platforms' own exports (Meta, TikTok, YouTube, LinkedIn, X) and owned channels.",
  })
  @RequirePermission('outcome:write')
  presets(): { items: readonly MappingPreset[] } {
    return { items: MAPPING_PRESETS };
  }

  @Post('metric-imports')
  @ApiOperation({
    description:
      'Uploads a CSV or XLSX file of metrics (multipart field `file`), checked by content; answers its columns, a few rows and the preset that fits, for the mapping step.',
  })
  @RequirePermission('outcome:write')
  @UseInterceptors(FileInterceptor('file'), DiscardUploadOnErrorInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  upload(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: Upload | undefined,
  ): Promise<MetricImportDetailDto> {
    return this.imports.upload(actor, requireReceived(file));
  }

  @Post('metric-imports/:id/start')
  @ApiOperation({
    description:
      'Starts an uploaded import with a preset or a column mapping (checked against the file: 422 invalid_mapping); the job then checks the whole file and imports it or refuses it.',
  })
  @RequirePermission('outcome:write')
  start(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: StartImportDto,
  ): Promise<MetricImportDetailDto> {
    return this.imports.start(actor, id, body);
  }

  @Get('metric-imports')
  @ApiOperation({ description: 'Imports (files and integration batches), newest first.' })
  @RequirePermission('outcome:write')
  list(
    @CurrentActor() actor: Actor,
    @Query() query: MetricImportListQueryDto,
  ): Promise<Page<MetricImportDto>> {
    return this.imports.list(actor, query);
  }

  @Get('metric-imports/format')
  @ApiOperation({
    description:
      'What an import file may be (largest size, most rows) and hold: our templates’ columns and the fields each target takes.',
  })
  @RequirePermission('outcome:write')
  fileFormat(): MetricImportFormatDto {
    return this.format.describe();
  }

  @Get('metric-imports/template')
  @ApiOperation({
    description: 'Our template as a CSV file with its header row (docs/outcomes.md), to fill in and import.',
  })
  @ApiProduces('text/csv')
  @RequirePermission('outcome:write')
  template(@Query() query: TemplateQueryDto): StreamableFile {
    return this.format.template(query.target ?? 'deliverables');
  }

  @Get('metric-imports/:id')
  @ApiOperation({
    description: 'One import: its status, progress, counts and first line errors (the result page).',
  })
  @RequirePermission('outcome:write')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<MetricImportDetailDto> {
    return this.imports.get(actor, id);
  }

  @Get('metric-imports/:id/errors')
  @ApiOperation({ description: "Every line error of a refused import, in the file's order." })
  @RequirePermission('outcome:write')
  errors(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ImportErrorListQueryDto,
  ): Promise<Page<MetricImportErrorDto>> {
    return this.imports.errors(actor, id, query);
  }
}
