import { Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import { CalendarService } from './calendar.service';
import { CalendarQueryDto, CalendarResponse } from './dto/calendar.dto';
import { Endpoint } from '../auth/endpoint';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Endpoint.get(
    'calendar',
    'deliverable:read',
    'The content calendar: deliverables the caller may see on the days of a window (at most 62 days), by publish or due date, each day capped with a count of the rest.',
  )
  read(@CurrentActor() actor: Actor, @Query() query: CalendarQueryDto): Promise<CalendarResponse> {
    return this.calendar.read(actor, query);
  }
}
