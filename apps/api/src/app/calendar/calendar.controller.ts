import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { CalendarService } from './calendar.service';
import { CalendarQueryDto, CalendarResponse } from './dto/calendar.dto';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('calendar')
  @ApiOperation({
    description:
      'The content calendar: deliverables the caller may see on the days of a window (at most 62 days), by publish or due date, each day capped with a count of the rest.',
  })
  @RequirePermission('deliverable:read')
  read(@CurrentActor() actor: Actor, @Query() query: CalendarQueryDto): Promise<CalendarResponse> {
    return this.calendar.read(actor, query);
  }
}
