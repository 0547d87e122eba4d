import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  InvitationDto,
  Locale,
  UpdateProfileRequest,
  InviteUserRequest,
  Role,
  UpdateUserRequest,
  UserDto,
  UserListQuery,
} from '@agency-portal/shared';
import { ROLES, SUPPORTED_LOCALES, USER_SORT_KEYS, TEXT_LIMITS } from '@agency-portal/shared';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { toBoolean, toLowerTrim, trim } from '../../common/http/transformers';
import {
  IsSupportedLocale,
  IsTimeZone,
  OptionalIn,
  OptionalNullableUuid,
} from '../../common/http/validators';
import { ListQueryDto, ListSort, PageOf } from '../../common/lists/list-query.dto';

/** The language and time zone fields shared by invitation, admin edit and the profile. */
class LanguageFields {
  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES })
  @IsOptional()
  @IsSupportedLocale()
  locale?: Locale;

  /** IANA zone such as Asia/Seoul; null means the browser's. */
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Asia/Seoul' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsTimeZone()
  timeZone?: string | null;
}

export class InviteUserDto extends LanguageFields implements InviteUserRequest {
  @Transform(toLowerTrim)
  @IsEmail()
  @MaxLength(TEXT_LIMITS.email)
  email!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.name)
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  /** Required for agency roles, refused for in-house roles. agency_admin may only use its own agency. */
  @OptionalNullableUuid()
  agencyId?: string | null;

  @OptionalNullableUuid()
  businessUnitId?: string | null;
}

export class UpdateUserDto extends LanguageFields implements UpdateUserRequest {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.name)
  name?: string;

  @OptionalIn(ROLES)
  role?: Role;

  @OptionalNullableUuid()
  businessUnitId?: string | null;
}

export class UserListQueryDto extends ListQueryDto implements UserListQuery {
  @ListSort(USER_SORT_KEYS, 'name')
  sort?: string;

  @IsOptional()
  @IsUUID()
  businessUnitId?: string;

  @OptionalIn(ROLES)
  role?: Role;

  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: ['in_house', 'agency'] })
  @IsOptional()
  @IsIn(['in_house', 'agency'])
  kind?: 'in_house' | 'agency';
}

export class UserResponse implements UserDto {
  id!: string;
  email!: string;
  name!: string;
  @ApiProperty({ enum: ROLES })
  role!: Role;
  agencyId!: string | null;
  agencyName!: string | null;
  businessUnitId!: string | null;
  businessUnitName!: string | null;
  active!: boolean;
  passwordSet!: boolean;
  @ApiProperty({ enum: SUPPORTED_LOCALES })
  locale!: Locale;
  @ApiProperty({ type: String, nullable: true, example: 'Asia/Seoul' })
  timeZone!: string | null;
  lastLoginAt!: string | null;
  createdAt!: string;
  updatedAt!: string;
}

export class InvitationResponse implements InvitationDto {
  user!: UserResponse;
  /** One-time link to set a password. Shown once. */
  setPasswordUrl!: string;
  expiresAt!: string;
  emailed!: boolean;
}

export class UpdateProfileDto extends LanguageFields implements UpdateProfileRequest {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.name)
  name?: string;
}
export class UserPage extends PageOf(UserResponse, 'UserPage') {}
