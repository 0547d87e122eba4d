import { ApiProperty } from '@nestjs/swagger';
import type { NotificationDto, NotificationKind, NotificationListDto } from '@agency-portal/shared';
import { NOTIFICATION_KINDS } from '@agency-portal/shared';

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

export class NotificationListResponse implements NotificationListDto {
  @ApiProperty({ type: [NotificationResponse] })
  items!: NotificationResponse[];
  /** Unread notices in all, not only those listed. */
  unread!: number;
}
