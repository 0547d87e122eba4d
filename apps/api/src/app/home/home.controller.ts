import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { AnySignedIn, CurrentActor } from '../auth/decorators';
import { HomeItemPage, HomeQueueParams, HomeQueueQueryDto, HomeResponse } from './dto/home.dto';
import { HomeService } from './home.service';

/** Everyone's home: their own queues, scoped to what they may see. */
@ApiTags('home')
@ApiBearerAuth()
@AnySignedIn()
@Controller('home')
export class HomeController {
  constructor(private readonly home: HomeService) {}

  @Get()
  @ApiOperation({
    description:
      "The caller's queues for their role, each with its count, overdue count and first rows, oldest overdue first.",
  })
  get(@CurrentActor() actor: Actor): Promise<HomeResponse> {
    return this.home.home(actor);
  }

  @Get('queues/:key')
  @ApiOperation({ description: "One of the caller's home queues, a page at a time, soonest due first." })
  queue(
    @CurrentActor() actor: Actor,
    @Param() params: HomeQueueParams,
    @Query() query: HomeQueueQueryDto,
  ): Promise<HomeItemPage> {
    return this.home.queue(actor, params.key, query);
  }
}
