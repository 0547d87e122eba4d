import type { Locale } from '../i18n/locales';
import type { Role } from './roles';
import type { Permission } from './permissions';

export interface LoginRequest {
  email: string;
  password: string;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  agencyId: string | null;
  agencyName: string | null;
  permissions: Permission[];
  /** The language build the web app shows this person. */
  locale: Locale;
  /** IANA zone for their dates and times; null means the browser's. */
  timeZone: string | null;
}

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: SessionUser;
}

export interface SetPasswordRequest {
  token: string;
  password: string;
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** A password typed at sign-in: never judged against the rules above, only kept from being huge. */
export const SIGN_IN_PASSWORD_MAX_LENGTH = 1_000;
/** The token of a set-password link (43 characters as issued; anything far off is not one). */
export const PASSWORD_TOKEN_LENGTH = { min: 20, max: 200 } as const;
