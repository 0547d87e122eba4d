import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  NotificationDto,
  NotificationKind,
  NotificationListDto,
  NotificationListQuery,
} from '@agency-portal/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { toBoolean } from '../../common/http/transformers';
import { IsTimeZone } from '../../common/http/validators';
import { ListQueryDto, ListSort, PageOf } from '../../common/lists/list-query.dto';
import { NOTIFICATION_KINDS, NOTIFICATION_SORT_KEYS } from '@agency-portal/shared';

export class NotificationResponse implements NotificationDto {
  id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind!: NotificationKind;
  title!: string;
  body!: string;
  link!: string | null;
  readAt!: string | null;
  createdAt!: string;
}

export class NotificationListQueryDto extends ListQueryDto implements NotificationListQuery {
  @ListSort(NOTIFICATION_SORT_KEYS, '-createdAt')
  sort?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unread?: boolean;

  /** The reading device's zone: times in notices are shown in it when the profile names none. */
  @ApiPropertyOptional({ example: 'Asia/Seoul' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}

export class NotificationListResponse
  extends PageOf(NotificationResponse, 'NotificationPage')
  implements NotificationListDto
{
  /** Unread notices in all, not only those listed. */
  unread!: number;
}

export class NoticeStreamQueryDto {
  /** The reading device's zone, as for the list. */
  @ApiPropertyOptional({ example: 'Asia/Seoul' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}
