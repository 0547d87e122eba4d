import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AgencyDto,
  AgencyListQuery,
  AgencyService,
  AgencyStatus,
  CreateAgencyRequest,
  OffboardAgencyRequest,
  UpdateAgencyRequest,
  UserRef,
} from '@agency-portal/shared';
import { AGENCY_SERVICES, AGENCY_SORT_KEYS, AGENCY_STATUSES, TEXT_LIMITS } from '@agency-portal/shared';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { trim } from '../../common/http/transformers';
import { ListQueryDto, ListSort, PageOf } from '../../common/lists/list-query.dto';
import { OptionalIn } from '../../common/http/validators';

export class CreateAgencyDto implements CreateAgencyRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.name)
  name!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.title)
  legalName!: string;

  @ApiProperty({ enum: AGENCY_SERVICES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(AGENCY_SERVICES.length)
  @IsIn(AGENCY_SERVICES, { each: true })
  services!: AgencyService[];

  /** An active in-house user who owns the relationship. */
  @IsUUID()
  relationshipOwnerId!: string;
}

export class UpdateAgencyDto implements UpdateAgencyRequest {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.name)
  name?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.title)
  legalName?: string;

  @ApiPropertyOptional({ enum: AGENCY_SERVICES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(AGENCY_SERVICES, { each: true })
  services?: AgencyService[];

  @IsOptional()
  @IsUUID()
  relationshipOwnerId?: string;
}

export class OffboardAgencyDto implements OffboardAgencyRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.offboardReason)
  reason!: string;
}

export class AgencyListQueryDto extends ListQueryDto implements AgencyListQuery {
  @ListSort(AGENCY_SORT_KEYS, 'name')
  sort?: string;

  @OptionalIn(AGENCY_STATUSES)
  status?: AgencyStatus;

  @OptionalIn(AGENCY_SERVICES)
  service?: AgencyService;

  @IsOptional()
  @IsUUID()
  relationshipOwnerId?: string;
}

export class UserRefResponse implements UserRef {
  id!: string;
  name!: string;
  email!: string;
}

export class AgencyResponse implements AgencyDto {
  id!: string;
  name!: string;
  legalName!: string;
  @ApiProperty({ enum: AGENCY_SERVICES, isArray: true })
  services!: AgencyService[];
  @ApiProperty({ enum: AGENCY_STATUSES })
  status!: AgencyStatus;
  relationshipOwner!: UserRefResponse;
  offboardedAt!: string | null;
  offboardReason!: string | null;
  userCount!: number;
  createdAt!: string;
  updatedAt!: string;
}

export class AgencyPage extends PageOf(AgencyResponse, 'AgencyPage') {}
