import { DEFAULT_LOCALE, isLocale } from '@agency-portal/shared';
import { Brackets, type EntityManager } from 'typeorm';
import type { Audience, DomainEventType, StoredEvent } from '../events/domain-events';
import { User } from '../users/user.entity';
import { NOTICES, type Channel, type NoticeTemplate, type Recipient, type RenderedNotice } from './notices';

/** The wording of an event for a channel, if it is told there. */
export function templateFor(
  type: DomainEventType,
  channel: Channel,
): NoticeTemplate<DomainEventType> | undefined {
  const template = NOTICES[type];
  return template?.channels.includes(channel) ? template : undefined;
}

/** The event's notice rendered for each active user of its audience, in their language. */
export async function noticesOf(
  manager: EntityManager,
  event: StoredEvent,
  template: NoticeTemplate<DomainEventType>,
): Promise<{ user: User; notice: RenderedNotice }[]> {
  const users = await audienceOf(manager, event.audience ?? {});
  return users.map((user) => ({ user, notice: template.render(event.payload as never, recipientOf(user)) }));
}

/** The audience's active users, each once. */
async function audienceOf(manager: EntityManager, audience: Audience): Promise<User[]> {
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

function recipientOf(user: User): Recipient {
  return { name: user.name, email: user.email, locale: isLocale(user.locale) ? user.locale : DEFAULT_LOCALE };
}
