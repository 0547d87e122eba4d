import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  DigestSubject,
  DigestSubscriptionDto,
  DigestSubscriptionInput,
  DigestSubscriptionQuery,
} from '@agency-portal/shared';
import { DIGEST_SUBJECTS, DIGEST_SUBSCRIPTION_SORT_KEYS } from '@agency-portal/shared';
import { IsOptional, IsUUID } from 'class-validator';
import { ListQueryDto, ListSort, PageOf } from '../../common/lists/list-query.dto';

export class DigestSubscriptionQueryDto extends ListQueryDto implements DigestSubscriptionQuery {
  @ListSort(DIGEST_SUBSCRIPTION_SORT_KEYS, '-createdAt')
  sort?: string;

  @ApiPropertyOptional({ description: 'Only the subscription to this goal, if any.' })
  @IsOptional()
  @IsUUID()
  goalId?: string;

  @ApiPropertyOptional({ description: 'Only the subscription to this business unit, if any.' })
  @IsOptional()
  @IsUUID()
  businessUnitId?: string;
}

/** Exactly one of `goalId` and `businessUnitId` (checked by the service, with a field error). */
export class DigestSubscriptionInputDto implements DigestSubscriptionInput {
  @IsOptional()
  @IsUUID()
  goalId?: string;

  @IsOptional()
  @IsUUID()
  businessUnitId?: string;
}

export class DigestSubscriptionResponse implements DigestSubscriptionDto {
  id!: string;
  @ApiProperty({ enum: DIGEST_SUBJECTS })
  subject!: DigestSubject;
  subjectId!: string;
  name!: string;
  createdAt!: string;
  lastSentAt!: string | null;
}

export class DigestSubscriptionPage extends PageOf(DigestSubscriptionResponse, 'DigestSubscriptionPage') {}
