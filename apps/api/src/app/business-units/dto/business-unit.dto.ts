import { ApiProperty } from '@nestjs/swagger';
import type {
  BusinessUnitListQuery,
  BusinessUnitDto,
  CreateBusinessUnitRequest,
  OperatingModel,
  UpdateBusinessUnitRequest,
} from '@agency-portal/shared';
import { BUSINESS_UNIT_SORT_KEYS, OPERATING_MODELS, TEXT_LIMITS } from '@agency-portal/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { trim } from '../../common/http/transformers';
import { ListQueryDto, ListSort, PageOf } from '../../common/lists/list-query.dto';
import { OptionalIn, OptionalNullableUuid } from '../../common/http/validators';

export class CreateBusinessUnitDto implements CreateBusinessUnitRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.name)
  name!: string;

  @ApiProperty({ enum: OPERATING_MODELS })
  @IsIn(OPERATING_MODELS)
  operatingModel!: OperatingModel;

  @OptionalNullableUuid()
  parentId?: string | null;
}

export class UpdateBusinessUnitDto implements UpdateBusinessUnitRequest {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.name)
  name?: string;

  @OptionalIn(OPERATING_MODELS)
  operatingModel?: OperatingModel;

  @OptionalNullableUuid()
  parentId?: string | null;
}

export class BusinessUnitResponse implements BusinessUnitDto {
  id!: string;
  name!: string;
  @ApiProperty({ enum: OPERATING_MODELS })
  operatingModel!: OperatingModel;
  parentId!: string | null;
  parentName!: string | null;
  createdAt!: string;
  updatedAt!: string;
}

export class BusinessUnitListQueryDto extends ListQueryDto implements BusinessUnitListQuery {
  @ListSort(BUSINESS_UNIT_SORT_KEYS, 'name')
  sort?: string;

  @OptionalIn(OPERATING_MODELS)
  operatingModel?: OperatingModel;

  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class BusinessUnitPage extends PageOf(BusinessUnitResponse, 'BusinessUnitPage') {}
