import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  BusinessUnitListQuery,
  BusinessUnitDto,
  CreateBusinessUnitRequest,
  OperatingModel,
  UpdateBusinessUnitRequest,
} from '@agency-portal/shared';
import { BUSINESS_UNIT_SORT_KEYS, OPERATING_MODELS, TEXT_LIMITS } from '@agency-portal/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { trim } from '../../common/http/transformers';
import { ListQueryDto, ListSort, PageOf } from '../../common/lists/list-query.dto';

export class CreateBusinessUnitDto implements CreateBusinessUnitRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.name)
  name!: string;

  @ApiProperty({ enum: OPERATING_MODELS })
  @IsIn(OPERATING_MODELS)
  operatingModel!: OperatingModel;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  parentId?: string | null;
}

export class UpdateBusinessUnitDto implements UpdateBusinessUnitRequest {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.name)
  name?: string;

  @ApiPropertyOptional({ enum: OPERATING_MODELS })
  @IsOptional()
  @IsIn(OPERATING_MODELS)
  operatingModel?: OperatingModel;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
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
  override sort?: string;

  @ApiPropertyOptional({ enum: OPERATING_MODELS })
  @IsOptional()
  @IsIn(OPERATING_MODELS)
  operatingModel?: OperatingModel;

  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class BusinessUnitPage extends PageOf(BusinessUnitResponse, 'BusinessUnitPage') {}
