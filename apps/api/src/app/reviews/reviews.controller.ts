import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { CommentsService } from './comments.service';
import { CommentListQueryDto, CommentPage, CommentResponse, CreateCommentDto } from './dto/review.dto';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller()
export class ReviewsController {
  constructor(private readonly comments: CommentsService) {}

  @Get('versions/:versionId/comments')
  @ApiOperation({ description: 'The comment threads on a version, pinned or not.' })
  @RequirePermission('deliverable:read')
  listComments(
    @CurrentActor() actor: Actor,
    @Param('versionId', ParseUUIDPipe) versionId: string,
    @Query() query: CommentListQueryDto,
  ): Promise<CommentPage> {
    return this.comments.list(actor, versionId, query);
  }

  @Post('versions/:versionId/comments')
  @ApiOperation({
    description: 'Comments on a version, optionally pinned to a point, a PDF page or a video timecode.',
  })
  @RequirePermission('comment:write')
  createComment(
    @CurrentActor() actor: Actor,
    @Param('versionId', ParseUUIDPipe) versionId: string,
    @Body() body: CreateCommentDto,
  ): Promise<CommentResponse> {
    return this.comments.create(actor, versionId, body);
  }

  @Post('comments/:id/resolve')
  @ApiOperation({ description: 'Marks a comment thread resolved.' })
  @HttpCode(200)
  @RequirePermission('comment:write')
  resolve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CommentResponse> {
    return this.comments.setResolved(actor, id, true);
  }

  @Post('comments/:id/unresolve')
  @ApiOperation({ description: 'Opens a resolved comment thread again.' })
  @HttpCode(200)
  @RequirePermission('comment:write')
  unresolve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CommentResponse> {
    return this.comments.setResolved(actor, id, false);
  }
}
