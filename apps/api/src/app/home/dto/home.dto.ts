import { ApiProperty, PickType } from '@nestjs/swagger';
import {
  HOME_QUEUE_KEYS,
  type ContractAttention,
  type HomeDto,
  type HomeItemDto,
  type HomeItemKind,
  type HomeQueueDto,
  type HomeQueueKey,
  type PageTotal,
} from '@agency-portal/shared';
import { IsIn } from 'class-validator';
import { DeliverableThumbnailResponse } from '../../deliverables/dto/deliverable.dto';
import { ListQueryDto, PageOf, PageTotalResponse } from '../../common/lists/list-query.dto';

const HOME_ITEM_KINDS: HomeItemKind[] = [
  'deliverable',
  'brief',
  'contract',
  'agency',
  'business_unit',
  'user',
];
const CONTRACT_ATTENTION: ContractAttention[] = ['renewal', 'budget'];

export class HomeItemResponse implements HomeItemDto {
  @ApiProperty({ enum: HOME_ITEM_KINDS })
  kind!: HomeItemKind;
  id!: string;
  title!: string;
  dueAt!: string | null;
  dueIsDate!: boolean;
  overdue!: boolean;
  agencyName!: string | null;
  briefId!: string | null;
  briefTitle!: string | null;
  stepName!: string | null;
  versionNumber!: number | null;
  @ApiProperty({ type: DeliverableThumbnailResponse, nullable: true })
  thumbnail!: DeliverableThumbnailResponse | null;
  @ApiProperty({ enum: CONTRACT_ATTENTION, isArray: true })
  attention!: ContractAttention[];
  budgetUsedPercent!: number | null;
  sentAt!: string | null;
  detail!: string | null;
}

export class HomeQueueResponse implements HomeQueueDto {
  @ApiProperty({ enum: HOME_QUEUE_KEYS })
  key!: HomeQueueKey;
  @ApiProperty({ type: PageTotalResponse })
  total!: PageTotal;
  overdue!: number;
  @ApiProperty({ type: [HomeItemResponse] })
  items!: HomeItemResponse[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export class HomeResponse implements HomeDto {
  @ApiProperty({ type: [HomeQueueResponse] })
  queues!: HomeQueueResponse[];
}

export class HomeItemPage extends PageOf(HomeItemResponse, 'HomeItemPage') {}

export class HomeQueueParams {
  @ApiProperty({ enum: HOME_QUEUE_KEYS })
  @IsIn(HOME_QUEUE_KEYS)
  key!: HomeQueueKey;
}

/** A home queue pages on with `cursor`; its order is fixed (soonest due first). */
export class HomeQueueQueryDto extends PickType(ListQueryDto, ['limit', 'cursor'] as const) {}
