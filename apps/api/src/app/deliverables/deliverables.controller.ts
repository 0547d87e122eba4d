import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  type StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../auth/actor';
import { CurrentActor, Public, RequirePermission } from '../auth/decorators';
import { DeliverableFilesService } from './deliverable-files.service';
import { DeliverablesService } from './deliverables.service';
import {
  CreateDerivedDeliverableDto,
  DeliverableDetailResponse,
  DeliverableListQueryDto,
  DeliverableSummaryPage,
  PublishDeliverableDto,
} from './dto/deliverable.dto';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { RENDITION_KINDS, type FileStreamLinkDto, type RenditionKind } from '@agency-portal/shared';
import { Transform } from 'class-transformer';
import { toBoolean } from '../common/http/transformers';
import { Endpoint } from '../auth/endpoint';

export class RenditionParamsDto {
  @IsUUID()
  id!: string;

  @ApiProperty({ enum: RENDITION_KINDS })
  @IsIn(RENDITION_KINDS)
  kind!: RenditionKind;
}

export class FileStreamQueryDto {
  @IsString()
  @MaxLength(1000)
  token!: string;
}

export class FileStreamLinkResponse implements FileStreamLinkDto {
  url!: string;
  expiresAt!: string;
}

export class FileContentQueryDto {
  /** Force an attachment even for previewable types. */
  @IsOptional()
  @Transform(toBoolean)
  @IsIn([true, false])
  download?: boolean;
}

@ApiTags('deliverables')
@ApiBearerAuth()
@Controller()
export class DeliverablesController {
  constructor(
    private readonly deliverables: DeliverablesService,
    private readonly files: DeliverableFilesService,
  ) {}

  @Endpoint.get(
    'deliverables',
    'deliverable:read',
    "Deliverables the caller may see, by brief or status, or those awaiting the caller's decision.",
  )
  list(
    @CurrentActor() actor: Actor,
    @Query() query: DeliverableListQueryDto,
  ): Promise<DeliverableSummaryPage> {
    return this.deliverables.list(actor, query);
  }

  @Endpoint.get(
    'deliverables/:id',
    'deliverable:read',
    'One deliverable with its versions, files, the applicable approval policy and decisions.',
  )
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<DeliverableDetailResponse> {
    return this.deliverables.get(actor, id);
  }

  @Endpoint.post(
    'deliverables/:id/derivatives',
    'deliverable:derive',
    'A cut-down of this master asset for another channel.',
  )
  derive(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateDerivedDeliverableDto,
  ): Promise<DeliverableDetailResponse> {
    return this.deliverables.createDerivative(actor, id, body);
  }

  @Endpoint.post(
    'deliverables/:id/publish',
    'deliverable:publish',
    'Records where and when an approved deliverable was published.',
    200,
  )
  publish(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PublishDeliverableDto,
  ): Promise<DeliverableDetailResponse> {
    return this.deliverables.publish(actor, id, body);
  }

  @Get('files/:id/content')
  @ApiOperation({
    description:
      'A deliverable file: inline for images, video and PDF, otherwise an attachment; never HTML. ' +
      'Answers Range (206, or 416 outside the file), If-Range and If-None-Match against its sha256 ETag.',
  })
  @RequirePermission('deliverable:read')
  content(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: FileContentQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile | undefined> {
    return this.files.content(actor, id, query.download === true, request, response);
  }

  @Get('files/:id/renditions/:kind')
  @ApiOperation({
    description:
      "A file's rendition: `preview` (an image sized for the web, WebP) or `poster` (a video's frame), " +
      'under the same access rule as the file; 404 until it is made. Answers Range like the content.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The stored file.' })
  @ApiParam({ name: 'kind', enum: ['preview', 'poster'] })
  @RequirePermission('deliverable:read')
  rendition(
    @CurrentActor() actor: Actor,
    @Param() params: RenditionParamsDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile | undefined> {
    return this.files.rendition(actor, params.id, params.kind, request, response);
  }

  @Post('files/:id/stream-links')
  @ApiOperation({
    description:
      'A link to the file that a video element plays directly (range requests, no Bearer token): ' +
      'for the caller only, until it expires or their session ends.',
  })
  @RequirePermission('deliverable:read')
  streamLink(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<FileStreamLinkResponse> {
    return this.files.streamLink(actor, id);
  }

  @Get('files/:id/stream')
  @Public()
  @ApiOperation({
    description:
      'The file behind a stream link, with ranges like its content; the link stands for the sign-in ' +
      '(its session and the file access rule are checked on every request). 404 for a bad or expired link.',
  })
  stream(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: FileStreamQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile | undefined> {
    return this.files.stream(query.token, id, request, response);
  }
}
