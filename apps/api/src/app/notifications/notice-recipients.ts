import { DEFAULT_LOCALE, isLocale, isTimeZone } from '@agency-portal/shared';
import { Brackets, type EntityManager } from 'typeorm';
import type { Audience } from '../events/domain-events';
import { User } from '../users/user.entity';
import type { Reader } from './notice-format';

/** The audience's active users, each once. */
export async function audienceOf(manager: EntityManager, audience: Audience): Promise<User[]> {
  const userIds = [...new Set(audience.userIds ?? [])];
  const agencyIds = [...new Set(audience.agencyIds ?? [])];
  if (userIds.length === 0 && agencyIds.length === 0) return [];
  return manager
    .getRepository(User)
    .createQueryBuilder('user')
    .where('user.active = true')
    .andWhere(
      new Brackets((where) => {
        where.where('1 = 0');
        if (userIds.length) where.orWhere('user.id IN (:...userIds)', { userIds });
        if (agencyIds.length) where.orWhere('user.agency_id IN (:...agencyIds)', { agencyIds });
      }),
    )
    .orderBy('user.email', 'ASC')
    .getMany();
}

/**
 * A person as the reader of their notices: their language and time zone, else `fallbackTimeZone`
 * (the zone of the device reading, when it says), else none (UTC, named).
 */
export function readerOf(
  user: Pick<User, 'locale' | 'timeZone'>,
  fallbackTimeZone: string | null = null,
): Reader {
  return {
    locale: isLocale(user.locale) ? user.locale : DEFAULT_LOCALE,
    timeZone: user.timeZone ?? (isTimeZone(fallbackTimeZone) ? fallbackTimeZone : null),
  };
}
