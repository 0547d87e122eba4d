import type { UserDto } from '@agency-portal/shared';

export type UserStatus = 'active' | 'invited' | 'inactive';

export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  active: $localize`:Status of a user account@@userStatus.active:Active`,
  invited: $localize`:Status of a user account that has not set a password yet@@userStatus.invited:Invited`,
  inactive: $localize`:Status of a user account@@userStatus.inactive:Deactivated`,
};

/** Deactivated wins; an active account without a password is still an open invitation. */
export function userStatus(user: Pick<UserDto, 'active' | 'passwordSet'>): UserStatus {
  if (!user.active) {
    return 'inactive';
  }
  return user.passwordSet ? 'active' : 'invited';
}
