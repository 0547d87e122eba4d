import type { Locale } from '../i18n/locales';
import type { ListQuery } from '../common/page';
import type { Role } from '../auth/roles';

export const OPERATING_MODELS = ['centralised', 'decentralised', 'coe'] as const;
export type OperatingModel = (typeof OPERATING_MODELS)[number];
export const AGENCY_SERVICES = ['full_service', 'execution', 'influencer', 'creative', 'paid_media'] as const;
export type AgencyService = (typeof AGENCY_SERVICES)[number];
export const AGENCY_STATUSES = ['active', 'offboarded'] as const;
export type AgencyStatus = (typeof AGENCY_STATUSES)[number];

export interface UserRef {
  id: string;
  name: string;
  email: string;
}

export interface BusinessUnitDto {
  id: string;
  name: string;
  operatingModel: OperatingModel;
  parentId: string | null;
  parentName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateBusinessUnitRequest {
  name: string;
  operatingModel: OperatingModel;
  parentId?: string | null;
}

export type UpdateBusinessUnitRequest = Partial<CreateBusinessUnitRequest>;

export interface AgencyDto {
  id: string;
  name: string;
  legalName: string;
  services: AgencyService[];
  status: AgencyStatus;
  relationshipOwner: UserRef;
  offboardedAt: string | null;
  offboardReason: string | null;
  userCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateAgencyRequest {
  name: string;
  legalName: string;
  services: AgencyService[];
  relationshipOwnerId: string;
}

export type UpdateAgencyRequest = Partial<CreateAgencyRequest>;

export interface OffboardAgencyRequest {
  reason: string;
}

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  agencyId: string | null;
  agencyName: string | null;
  businessUnitId: string | null;
  businessUnitName: string | null;
  active: boolean;
  /** False until the invited person has set a password. */
  passwordSet: boolean;
  /** The person's language: the web app's build they see, their e-mails, the API's messages. */
  locale: Locale;
  /** IANA zone their dates and times are shown in; null means the browser's. */
  timeZone: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface InviteUserRequest {
  email: string;
  name: string;
  role: Role;
  agencyId?: string | null;
  businessUnitId?: string | null;
  /** Defaults to English; the person can change it on their profile. */
  locale?: Locale;
  timeZone?: string | null;
}

export interface UpdateUserRequest {
  name?: string;
  role?: Role;
  businessUnitId?: string | null;
  locale?: Locale;
  timeZone?: string | null;
}

/** What a person may change about themselves (`PATCH /api/profile`). */
export interface UpdateProfileRequest {
  name?: string;
  locale?: Locale;
  timeZone?: string | null;
}

export interface InvitationDto {
  user: UserDto;
  /** One-time link to set a password; shown once to the inviting admin. */
  setPasswordUrl: string;
  expiresAt: string;
  /** True when the invitation was also e-mailed (SMTP configured). */
  emailed: boolean;
}

export const USER_SORT_KEYS = ['name', 'email', 'createdAt'] as const;
export type UserSortKey = (typeof USER_SORT_KEYS)[number];

/** `GET /api/users`: `q` searches the name and the e-mail. */
export interface UserListQuery extends ListQuery {
  role?: Role;
  agencyId?: string;
  businessUnitId?: string;
  active?: boolean;
  kind?: 'in_house' | 'agency';
}

export const AGENCY_SORT_KEYS = ['name', 'createdAt'] as const;
export type AgencySortKey = (typeof AGENCY_SORT_KEYS)[number];

/** `GET /api/agencies`: `q` searches the name and the legal name. */
export interface AgencyListQuery extends ListQuery {
  status?: AgencyStatus;
  service?: AgencyService;
  relationshipOwnerId?: string;
}

export const BUSINESS_UNIT_SORT_KEYS = ['name', 'createdAt'] as const;
export type BusinessUnitSortKey = (typeof BUSINESS_UNIT_SORT_KEYS)[number];

/** `GET /api/business-units`: `q` searches the name. */
export interface BusinessUnitListQuery extends ListQuery {
  operatingModel?: OperatingModel;
  parentId?: string;
}
