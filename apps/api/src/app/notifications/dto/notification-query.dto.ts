import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsTimeZone } from '../../common/http/validators';

export class NotificationListQueryDto {
  /** The reading device's zone: times in notices are shown in it when the profile names none. */
  @ApiPropertyOptional({ example: 'Asia/Seoul' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}
