import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  type StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { DeliverableSummaryPage } from './dto/deliverable.dto';
import { DeliverablesService } from './deliverables.service';
import {
  CreateDerivedDeliverableDto,
  DecideDto,
  DeliverableDetailResponse,
  DeliverableListQueryDto,
  PublishDeliverableDto,
  SubmitVersionDto,
} from './dto/deliverable.dto';
import { IsIn, IsOptional } from 'class-validator';
import { Transform } from 'class-transformer';
import { toBoolean } from '../common/http/transformers';

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
  constructor(private readonly deliverables: DeliverablesService) {}

  @Get('deliverables')
  @RequirePermission('deliverable:read')
  list(
    @CurrentActor() actor: Actor,
    @Query() query: DeliverableListQueryDto,
  ): Promise<DeliverableSummaryPage> {
    return this.deliverables.list(actor, query);
  }

  @Get('deliverables/:id')
  @RequirePermission('deliverable:read')
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<DeliverableDetailResponse> {
    return this.deliverables.get(actor, id);
  }

  /** A cut-down of this master asset for another channel. */
  @Post('deliverables/:id/derivatives')
  @RequirePermission('deliverable:derive')
  derive(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateDerivedDeliverableDto,
  ): Promise<DeliverableDetailResponse> {
    return this.deliverables.createDerivative(actor, id, body);
  }

  @Post('deliverables/:id/versions')
  @RequirePermission('deliverable:upload')
  submitVersion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SubmitVersionDto,
  ): Promise<DeliverableDetailResponse> {
    return this.deliverables.submitVersion(actor, id, body);
  }

  /** Approve, request changes or reject the current step; 409 with the current state if someone decided first. */
  @Post('deliverables/:id/decisions')
  @HttpCode(200)
  @RequirePermission('deliverable:review')
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DecideDto,
  ): Promise<DeliverableDetailResponse> {
    return this.deliverables.decide(actor, id, body);
  }

  @Post('deliverables/:id/publish')
  @HttpCode(200)
  @RequirePermission('deliverable:publish')
  publish(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PublishDeliverableDto,
  ): Promise<DeliverableDetailResponse> {
    return this.deliverables.publish(actor, id, body);
  }

  /** A deliverable file: inline for images, video and PDF, otherwise an attachment; never HTML. */
  @Get('files/:id/content')
  @RequirePermission('deliverable:read')
  content(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: FileContentQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return this.deliverables.fileContent(actor, id, query.download === true, response);
  }
}
