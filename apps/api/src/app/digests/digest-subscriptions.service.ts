import { Injectable } from '@nestjs/common';
import type { DigestSubscriptionDto, Page } from '@agency-portal/shared';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { fieldError } from '../common/errors/domain-error';
import { paginate, rawText, toPage, type ListSpec, whereEqual } from '../common/lists/paginate';
import { UnitOfWork } from '../database/unit-of-work';
import { msg } from '../i18n/message';
import { DigestSubscription } from './digest-subscription.entity';
import type { DigestSubscriptionInputDto, DigestSubscriptionQueryDto } from './dto/digest.dto';

const SUBSCRIPTIONS: ListSpec<'createdAt'> = {
  alias: 'subscription',
  sorts: { createdAt: { expression: 'subscription.created_at', type: 'timestamptz' } },
  defaultSort: '-createdAt',
};

/**
 * A person's weekly digest subscriptions: list their own (paged), subscribe to a goal or a
 * business unit they may read, unsubscribe. Subscribing twice answers the existing subscription.
 */
@Injectable()
export class DigestSubscriptionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly work: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: DigestSubscriptionQueryDto): Promise<Page<DigestSubscriptionDto>> {
    const qb = this.dataSource
      .getRepository(DigestSubscription)
      .createQueryBuilder('subscription')
      .leftJoin('marketing_goals', 'goal', 'goal.id = subscription.goal_id')
      .leftJoin('business_units', 'unit', 'unit.id = subscription.business_unit_id')
      .addSelect('COALESCE(goal.name, unit.name)', 'subject_name')
      .addSelect(
        `(SELECT CAST(max(d.created_at) AS text) FROM digest_deliveries d WHERE d.subscription_id = subscription.id)`,
        'last_sent_at',
      );
    this.access.scope(qb, actor, 'digest_subscription', 'subscription');
    whereEqual(qb, {
      'subscription.goal_id': query.goalId,
      'subscription.business_unit_id': query.businessUnitId,
    });
    const page = await paginate(qb, SUBSCRIPTIONS, query);
    return toPage(page, (subscription) => {
      const raw = page.raw.get(subscription.id);
      const lastSent = raw?.['last_sent_at'];
      return toDto(
        subscription,
        rawText(raw, 'subject_name'),
        typeof lastSent === 'string' ? lastSent : null,
      );
    });
  }

  async subscribe(actor: Actor, input: DigestSubscriptionInputDto): Promise<DigestSubscriptionDto> {
    const { goalId, businessUnitId } = input;
    if (Boolean(goalId) === Boolean(businessUnitId)) {
      throw fieldError('goalId', msg('Subscribe to either a goal or a business unit.'));
    }
    return this.work.run(async (manager) => {
      if (goalId) await this.access.require(actor, 'goal', goalId, manager);
      if (businessUnitId) await this.access.require(actor, 'business_unit', businessUnitId, manager);
      const inserted = await manager.query<{ id: string }[]>(
        `INSERT INTO digest_subscriptions (user_id, goal_id, business_unit_id) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING id`,
        [actor.id, goalId ?? null, businessUnitId ?? null],
      );
      const subscription = await manager
        .getRepository(DigestSubscription)
        .findOneByOrFail(
          goalId ? { userId: actor.id, goalId } : { userId: actor.id, businessUnitId: businessUnitId ?? '' },
        );
      if (inserted.length > 0) {
        await this.audit.record(manager, actor, {
          action: 'digest.subscribed',
          entity: 'digest_subscription',
          entityId: subscription.id,
          after: { goalId: subscription.goalId, businessUnitId: subscription.businessUnitId },
        });
      }
      const [named] = await manager.query<{ name: string }[]>(
        goalId
          ? `SELECT name FROM marketing_goals WHERE id = $1`
          : `SELECT name FROM business_units WHERE id = $1`,
        [goalId ?? businessUnitId],
      );
      return toDto(subscription, named?.name ?? '', null);
    });
  }

  async unsubscribe(actor: Actor, id: string): Promise<void> {
    await this.work.run(async (manager) => {
      const subscription = await this.work.lockVisible(
        manager,
        actor,
        'digest_subscription',
        DigestSubscription,
        id,
      );
      await manager.delete(DigestSubscription, { id: subscription.id });
      await this.audit.record(manager, actor, {
        action: 'digest.unsubscribed',
        entity: 'digest_subscription',
        entityId: subscription.id,
        before: { goalId: subscription.goalId, businessUnitId: subscription.businessUnitId },
      });
    });
  }
}

function toDto(
  subscription: DigestSubscription,
  name: string,
  lastSentAt: string | null,
): DigestSubscriptionDto {
  return {
    id: subscription.id,
    subject: subscription.goalId ? 'goal' : 'business_unit',
    subjectId: subscription.goalId ?? subscription.businessUnitId ?? '',
    name,
    createdAt: subscription.createdAt.toISOString(),
    lastSentAt: lastSentAt ? new Date(lastSentAt).toISOString() : null,
  };
}
