import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { DigestSubscriptionsService } from './digest-subscriptions.service';
import {
  DigestSubscriptionInputDto,
  DigestSubscriptionPage,
  DigestSubscriptionQueryDto,
  DigestSubscriptionResponse,
} from './dto/digest.dto';

@ApiTags('digests')
@ApiBearerAuth()
@Controller('digest-subscriptions')
export class DigestSubscriptionsController {
  constructor(private readonly subscriptions: DigestSubscriptionsService) {}

  @Get()
  @ApiOperation({ description: 'The signed-in person’s weekly digest subscriptions, newest first.' })
  @RequirePermission('digest:subscribe')
  list(
    @CurrentActor() actor: Actor,
    @Query() query: DigestSubscriptionQueryDto,
  ): Promise<DigestSubscriptionPage> {
    return this.subscriptions.list(actor, query);
  }

  @Post()
  @ApiOperation({
    description:
      'Subscribes the signed-in person to the weekly digest of a goal or a business unit they may read (again: the existing subscription). In-house users only.',
  })
  @RequirePermission('digest:subscribe')
  subscribe(
    @CurrentActor() actor: Actor,
    @Body() body: DigestSubscriptionInputDto,
  ): Promise<DigestSubscriptionResponse> {
    return this.subscriptions.subscribe(actor, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ description: 'Ends one of the signed-in person’s own subscriptions.' })
  @RequirePermission('digest:subscribe')
  unsubscribe(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.subscriptions.unsubscribe(actor, id);
  }
}
