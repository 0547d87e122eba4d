import { ApiProperty } from '@nestjs/swagger';
import type {
  Locale,
  LoginRequest,
  LoginResponse,
  Permission,
  Role,
  SessionUser,
  SetPasswordRequest,
} from '@agency-portal/shared';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PERMISSIONS,
  ROLES,
  SUPPORTED_LOCALES,
  TEXT_LIMITS,
} from '@agency-portal/shared';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @IsEmail()
  @MaxLength(TEXT_LIMITS.email)
  email!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  password!: string;
}

export class SetPasswordDto implements SetPasswordRequest {
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token!: string;

  /** At least PASSWORD_MIN_LENGTH characters. */
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class SessionUserResponse implements SessionUser {
  id!: string;
  email!: string;
  name!: string;
  @ApiProperty({ enum: ROLES })
  role!: Role;
  agencyId!: string | null;
  agencyName!: string | null;
  @ApiProperty({ enum: PERMISSIONS, isArray: true })
  permissions!: Permission[];
  @ApiProperty({ enum: SUPPORTED_LOCALES })
  locale!: Locale;
  @ApiProperty({ type: String, nullable: true, example: 'Asia/Seoul' })
  timeZone!: string | null;
}

export class LoginResponseDto implements LoginResponse {
  accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn!: number;
  user!: SessionUserResponse;
}

export class InvitationInfoResponse {
  email!: string;
  name!: string;
}
