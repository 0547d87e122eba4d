import { Body, Controller, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import { DigestSubscriptionsService } from './digest-subscriptions.service';
import {
  DigestSubscriptionInputDto,
  DigestSubscriptionPage,
  DigestSubscriptionQueryDto,
  DigestSubscriptionResponse,
} from './dto/digest.dto';
import { Endpoint } from '../auth/endpoint';

@ApiTags('digests')
@ApiBearerAuth()
@Controller('digest-subscriptions')
export class DigestSubscriptionsController {
  constructor(private readonly subscriptions: DigestSubscriptionsService) {}

  @Endpoint.get('', 'digest:subscribe', 'The signed-in person’s weekly digest subscriptions, newest first.')
  list(
    @CurrentActor() actor: Actor,
    @Query() query: DigestSubscriptionQueryDto,
  ): Promise<DigestSubscriptionPage> {
    return this.subscriptions.list(actor, query);
  }

  @Endpoint.post(
    '',
    'digest:subscribe',
    'Subscribes the signed-in person to the weekly digest of a goal or a business unit they may read (again: the existing subscription). In-house users only.',
  )
  subscribe(
    @CurrentActor() actor: Actor,
    @Body() body: DigestSubscriptionInputDto,
  ): Promise<DigestSubscriptionResponse> {
    return this.subscriptions.subscribe(actor, body);
  }

  @Endpoint.delete(':id', 'digest:subscribe', 'Ends one of the signed-in person’s own subscriptions.', 204)
  unsubscribe(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.subscriptions.unsubscribe(actor, id);
  }
}
