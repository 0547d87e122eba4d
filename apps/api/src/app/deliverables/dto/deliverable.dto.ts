import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AppliedPolicyDto,
  ApprovalDecisionDto,
  Channel,
  CreateDerivedDeliverableRequest,
  Decision,
  DecideRequest,
  DeliverableDetailDto,
  DeliverableListQuery,
  DeliverableSummaryDto,
  DeliverableThumbnailDto,
  DeliverableStatus,
  DeliverableVersionDto,
  PublishDeliverableRequest,
  StoredFileDto,
  SubmitVersionRequest,
} from '@agency-portal/shared';
import { RenditionResponse } from '../../renditions/dto/rendition.response';
import {
  CHANNELS,
  DECISIONS,
  DELIVERABLE_SORT_KEYS,
  DELIVERABLE_STATUSES,
  DELIVERABLE_ACTIONS,
  type DeliverableAction,
  ITEM_LIMITS,
  TEXT_LIMITS,
} from '@agency-portal/shared';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { UserRefResponse } from '../../agencies/dto/agency.dto';
import { toBoolean, trim } from '../../common/http/transformers';
import { IsIsoDate, OptionalDate, OptionalIn } from '../../common/http/validators';
import { ListQueryDto, ListSort, PageOf } from '../../common/lists/list-query.dto';
import { AppliedPolicyResponse } from '../../approval-policies/dto/approval-policy.dto';

export class DeliverableThumbnailResponse implements DeliverableThumbnailDto {
  fileId!: string;
  fileName!: string;
  contentType!: string;
}

export class DeliverableSummaryResponse implements DeliverableSummaryDto {
  id!: string;
  briefId!: string;
  title!: string;
  rateCardCode!: string | null;
  @ApiProperty({ enum: CHANNELS, nullable: true })
  channel!: Channel | null;
  dueDate!: string;
  @ApiProperty({ enum: DELIVERABLE_STATUSES })
  status!: DeliverableStatus;
  derivedFromId!: string | null;
  latestVersionNumber!: number | null;
  currentStep!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  stepDueAt!: string | null;
  @ApiProperty({ type: DeliverableThumbnailResponse, nullable: true })
  thumbnail!: DeliverableThumbnailResponse | null;
}

export class DeliverableListQueryDto extends ListQueryDto implements DeliverableListQuery {
  @ListSort(DELIVERABLE_SORT_KEYS, 'dueDate')
  sort?: string;

  @IsOptional()
  @IsUUID()
  briefId?: string;

  @IsOptional()
  @IsUUID()
  contractId?: string;

  /** Cut-downs of this master asset. */
  @IsOptional()
  @IsUUID()
  derivedFromId?: string;

  @OptionalIn(DELIVERABLE_STATUSES)
  status?: DeliverableStatus;

  @OptionalIn(CHANNELS)
  channel?: Channel;

  /** Only deliverables in review whose current step the caller may decide (the review queue). */
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsIn([true, false])
  awaitingMe?: boolean;

  @OptionalDate()
  dueFrom?: string;

  @OptionalDate()
  dueTo?: string;
}

export class DeliverableSummaryPage extends PageOf(DeliverableSummaryResponse, 'DeliverableSummaryPage') {}

export class CreateDerivedDeliverableDto implements CreateDerivedDeliverableRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.title)
  title!: string;

  @ApiPropertyOptional({ enum: CHANNELS, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIn(CHANNELS)
  channel!: Channel | null;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  dueDate!: string;
}

export class SubmitVersionDto implements SubmitVersionRequest {
  /** Completed uploads of the caller for this deliverable. */
  @IsArray()
  @ArrayMinSize(1, { message: 'A version needs at least one file.' })
  @ArrayMaxSize(ITEM_LIMITS.versionFiles)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  fileIds!: string[];

  @IsString()
  @MaxLength(TEXT_LIMITS.copyText)
  copyText!: string;
}

export class DecideDto implements DecideRequest {
  @IsUUID()
  versionId!: string;

  @IsInt()
  @Min(0)
  stepIndex!: number;

  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS)
  decision!: Decision;

  /** Required unless approving. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(TEXT_LIMITS.longText)
  comment?: string;
}

export class PublishDeliverableDto implements PublishDeliverableRequest {
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(TEXT_LIMITS.url)
  postUrl!: string;

  @IsOptional()
  @IsISO8601()
  publishedAt?: string;
}

export class StoredFileResponse implements StoredFileDto {
  id!: string;
  fileName!: string;
  contentType!: string;
  sizeBytes!: number;
  sha256!: string;
  @ApiProperty({ type: [RenditionResponse] })
  renditions!: RenditionResponse[];
}

export class DeliverableVersionResponse implements DeliverableVersionDto {
  id!: string;
  number!: number;
  copyText!: string;
  @ApiProperty({ type: [StoredFileResponse] })
  files!: StoredFileResponse[];
  uploadedBy!: UserRefResponse;
  submittedAt!: string;
}

export class ApprovalDecisionResponse implements ApprovalDecisionDto {
  id!: string;
  versionId!: string;
  versionNumber!: number;
  stepIndex!: number;
  stepName!: string;
  approver!: UserRefResponse;
  @ApiProperty({ enum: DECISIONS })
  decision!: Decision;
  comment!: string | null;
  decidedAt!: string;
}

class LineageRef {
  id!: string;
  title!: string;
}

class DerivativeRef extends LineageRef {
  @ApiProperty({ enum: DELIVERABLE_STATUSES })
  status!: DeliverableStatus;
}

export class GoalTrailResponse {
  goalId!: string;
  goalName!: string;
}

export class DeliverableDetailResponse extends DeliverableSummaryResponse implements DeliverableDetailDto {
  @ApiProperty({ enum: DELIVERABLE_ACTIONS, isArray: true })
  allowedActions!: DeliverableAction[];
  briefTitle!: string;
  @ApiProperty({ type: [GoalTrailResponse] })
  goals!: GoalTrailResponse[];
  contractId!: string;
  /** The contract's in-house owner: the approver of a `contractOwner` step. */
  contractOwner!: UserRefResponse;
  agencyId!: string;
  agencyName!: string;
  derivedFrom!: LineageRef | null;
  @ApiProperty({ type: [DerivativeRef] })
  derivatives!: DerivativeRef[];
  derivativeCount!: number;
  postUrl!: string | null;
  publishedAt!: string | null;
  @ApiProperty({ type: [DeliverableVersionResponse] })
  versions!: DeliverableVersionResponse[];
  versionCount!: number;
  @ApiProperty({ type: AppliedPolicyResponse })
  policy!: AppliedPolicyDto;
  @ApiProperty({ type: [ApprovalDecisionResponse] })
  decisions!: ApprovalDecisionResponse[];
}
