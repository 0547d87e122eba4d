import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CalendarDateBasis,
  CalendarDayDto,
  CalendarDto,
  CalendarItemDto,
  CalendarQuery,
  Channel,
  DeliverableStatus,
} from '@agency-portal/shared';
import { CALENDAR_DATE_BASES, CALENDAR_LIMITS, CHANNELS, DELIVERABLE_STATUSES } from '@agency-portal/shared';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { toInt } from '../../common/http/transformers';
import { IsIsoDate, IsTimeZone, OptionalIn } from '../../common/http/validators';

export class CalendarQueryDto implements CalendarQuery {
  @ApiProperty({ format: 'date', description: 'First day of the window.' })
  @IsIsoDate()
  from!: string;

  @ApiProperty({
    format: 'date',
    description: `Last day of the window, included; at most ${CALENDAR_LIMITS.maxWindowDays} days in all.`,
  })
  @IsIsoDate()
  to!: string;

  @ApiPropertyOptional({ example: 'Asia/Seoul' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @OptionalIn(CALENDAR_DATE_BASES)
  on?: CalendarDateBasis;

  @ApiPropertyOptional({ minimum: 1, maximum: CALENDAR_LIMITS.maxPerDay })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(CALENDAR_LIMITS.maxPerDay)
  perDay?: number;

  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @IsOptional()
  @IsUUID()
  contractId?: string;

  @IsOptional()
  @IsUUID()
  goalId?: string;

  @OptionalIn(CHANNELS)
  channel?: Channel;

  @OptionalIn(DELIVERABLE_STATUSES)
  status?: DeliverableStatus;
}

export class CalendarItemResponse implements CalendarItemDto {
  id!: string;
  title!: string;
  @ApiProperty({ enum: CHANNELS, nullable: true })
  channel!: Channel | null;
  @ApiProperty({ enum: DELIVERABLE_STATUSES })
  status!: DeliverableStatus;
  dueDate!: string;
  publishedAt!: string | null;
  postUrl!: string | null;
  day!: string;
  @ApiProperty({ enum: ['published', 'due'] })
  placedBy!: 'published' | 'due';
  briefId!: string;
  briefTitle!: string;
  contractId!: string;
  agencyId!: string;
  agencyName!: string;
}

export class CalendarDayResponse implements CalendarDayDto {
  date!: string;
  @ApiProperty({ type: [CalendarItemResponse] })
  items!: CalendarItemResponse[];
  total!: number;
  more!: number;
}

export class CalendarResponse implements CalendarDto {
  from!: string;
  to!: string;
  @ApiProperty({ enum: CALENDAR_DATE_BASES })
  on!: CalendarDateBasis;
  perDay!: number;
  timeZone!: string;
  @ApiProperty({ type: [CalendarDayResponse] })
  days!: CalendarDayResponse[];
  total!: number;
}
