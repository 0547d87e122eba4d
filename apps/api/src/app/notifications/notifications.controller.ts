import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { AnySignedIn, CurrentActor } from '../auth/decorators';
import { NotificationListQueryDto, NotificationListResponse } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

/** Everyone reads and clears their own in-app notices. */
@ApiTags('notifications')
@ApiBearerAuth()
@AnySignedIn()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    description:
      "The caller's latest in-app notices, worded in their language and time zone, and how many are unread.",
  })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: NotificationListQueryDto,
  ): Promise<NotificationListResponse> {
    return this.notifications.list(actor, query);
  }

  @Post('read-all')
  @ApiOperation({ description: "Marks all of the caller's notices read." })
  @HttpCode(204)
  @ApiNoContentResponse()
  markAllRead(@CurrentActor() actor: Actor): Promise<void> {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @ApiOperation({ description: "Marks one of the caller's notices read." })
  @HttpCode(204)
  @ApiNoContentResponse()
  markRead(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.notifications.markRead(actor, id);
  }
}
