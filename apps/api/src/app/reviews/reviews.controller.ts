import { Body, Controller, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import { CommentsService } from './comments.service';
import { CommentListQueryDto, CommentPage, CommentResponse, CreateCommentDto } from './dto/review.dto';
import { Endpoint } from '../auth/endpoint';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller()
export class ReviewsController {
  constructor(private readonly comments: CommentsService) {}

  @Endpoint.get(
    'versions/:versionId/comments',
    'deliverable:read',
    'The comment threads on a version, pinned or not.',
  )
  listComments(
    @CurrentActor() actor: Actor,
    @Param('versionId', ParseUUIDPipe) versionId: string,
    @Query() query: CommentListQueryDto,
  ): Promise<CommentPage> {
    return this.comments.list(actor, versionId, query);
  }

  @Endpoint.post(
    'versions/:versionId/comments',
    'comment:write',
    'Comments on a version, optionally pinned to a point, a PDF page or a video timecode.',
  )
  createComment(
    @CurrentActor() actor: Actor,
    @Param('versionId', ParseUUIDPipe) versionId: string,
    @Body() body: CreateCommentDto,
  ): Promise<CommentResponse> {
    return this.comments.create(actor, versionId, body);
  }

  @Endpoint.post('comments/:id/resolve', 'comment:write', 'Marks a comment thread resolved.', 200)
  resolve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CommentResponse> {
    return this.comments.setResolved(actor, id, true);
  }

  @Endpoint.post('comments/:id/unresolve', 'comment:write', 'Opens a resolved comment thread again.', 200)
  unresolve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CommentResponse> {
    return this.comments.setResolved(actor, id, false);
  }
}
