import {
  Controller,
  Delete,
  Get,
  Options,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { notFound } from '../common/errors/domain-error';
import { StoredFileResponse } from './dto/stored-file.response';
import { TusUploadServer, UPLOAD_FILE_ID_HEADER } from './tus-upload-server';
import { UploadsService } from './uploads.service';

/** The upload's id, the last segment of the `Location` its creating POST answered. */
const UPLOAD_ID_PARAM = {
  name: 'uploadId',
  description: 'The id from the Location header of the POST that created the upload',
  schema: { type: 'string', pattern: '^[0-9a-f]{32}$' },
} as const;

/**
 * Resumable uploads of deliverable files with the tus protocol (1.0.0: creation,
 * creation-with-upload, termination). Every request is authenticated and needs
 * `deliverable:upload`, like any other route; @tus/server answers the protocol itself.
 */
@ApiTags('uploads')
@ApiBearerAuth()
@ApiHeader({ name: 'Tus-Resumable', description: '1.0.0', required: false })
@Controller('uploads')
@RequirePermission('deliverable:upload')
export class UploadsController {
  constructor(
    private readonly tus: TusUploadServer,
    private readonly uploads: UploadsService,
  ) {}

  @Get('files/:id')
  @ApiOperation({
    description: 'A finished upload, for its uploader, until it is part of a submitted version.',
  })
  describe(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<StoredFileResponse> {
    return this.uploads.describe(actor, id);
  }

  @Post()
  @ApiOperation({
    summary: 'tus: create an upload',
    description:
      'Creates an upload. Headers: `Upload-Length` (bytes, at most UPLOAD_MAX_BYTES) and `Upload-Metadata` with `deliverableId` and `filename`. Answers 201 with `Location`.',
  })
  create(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.tus.handle(request, response);
  }

  @Get(':uploadId')
  @ApiParam(UPLOAD_ID_PARAM)
  @ApiOperation({
    summary: 'tus: HEAD for the offset to resume from (GET itself answers 404)',
    description:
      "tus HEAD: the upload's `Upload-Offset` (and `Upload-Length`), to resume from. Express answers HEAD through this GET route; a plain GET is no part of the protocol here (uploads are never served back raw) and answers 404.",
  })
  async offset(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (request.method !== 'HEAD') throw notFound('Upload');
    await this.tus.handle(request, response);
  }

  @Patch(':uploadId')
  @ApiParam(UPLOAD_ID_PARAM)
  @ApiOperation({
    summary: `tus: append bytes; the last append answers ${UPLOAD_FILE_ID_HEADER}`,
    description:
      "Appends `application/offset+octet-stream` bytes at `Upload-Offset`. The request that completes the upload answers with the stored file's id in `Upload-File-Id`.",
  })
  append(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.tus.handle(request, response);
  }

  @Delete(':uploadId')
  @ApiParam(UPLOAD_ID_PARAM)
  @ApiOperation({
    summary: 'tus: terminate an unfinished upload',
    description: 'Abandons an unfinished upload and removes what has arrived.',
  })
  terminate(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.tus.handle(request, response);
  }

  @Options()
  @ApiOperation({
    summary: 'tus: capabilities',
    description: "The server's tus capabilities (Tus-Version, Tus-Extension, Tus-Max-Size).",
  })
  capabilities(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.tus.handle(request, response);
  }

  @Options(':uploadId')
  @ApiParam(UPLOAD_ID_PARAM)
  @ApiOperation({
    summary: 'tus: capabilities',
    description: "tus: the server's capabilities, for an upload URL.",
  })
  uploadCapabilities(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.tus.handle(request, response);
  }
}
