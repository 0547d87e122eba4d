import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { User } from '../users/user.entity';
import type { Actor } from './actor';
import { PasswordService } from './password.service';
import { hashToken, newOpaqueToken } from './secrets';
import { Invitation } from './session.entity';

export interface IssuedInvitation {
  setPasswordUrl: string;
  expiresAt: Date;
}

const invalidInvitation = (): DomainError =>
  new DomainError(
    'invalid_invitation',
    'This link is invalid or has expired. Ask your administrator for a new one.',
  );

@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** Issues a one-time set-password link inside the caller's transaction; earlier links stop working. */
  async issue(manager: EntityManager, user: User, actor: Actor | null): Promise<IssuedInvitation> {
    await manager
      .createQueryBuilder()
      .update(Invitation)
      .set({ usedAt: () => 'now()' })
      .where('user_id = :userId AND used_at IS NULL', { userId: user.id })
      .execute();
    const token = newOpaqueToken();
    const expiresAt = new Date(Date.now() + this.config.invitationTtlHours * 3600 * 1000);
    const invitation = await manager.save(
      manager.create(Invitation, {
        userId: user.id,
        tokenHash: hashToken(token),
        expiresAt,
        usedAt: null,
        createdBy: actor?.id ?? null,
      }),
    );
    await this.audit.record(manager, actor, {
      action: 'user.invitation_issued',
      entity: 'user',
      entityId: user.id,
      after: {
        invitationId: invitation.id,
        expiresAt: expiresAt.toISOString(),
      },
    });
    return {
      setPasswordUrl: `${this.config.publicUrl}/set-password?token=${token}`,
      expiresAt,
    };
  }

  /** Who the link is for, so the set-password page can greet them. */
  async describe(token: string): Promise<{ email: string; name: string }> {
    const found = await this.findUsable(this.dataSource.manager, token, false);
    return { email: found.user.email, name: found.user.name };
  }

  /** Spends the link and sets the password, in one transaction with its audit record. */
  async redeem(token: string, password: string): Promise<void> {
    const hash = await this.passwords.hash(password);
    await this.dataSource.transaction(async (manager) => {
      const { invitation, user } = await this.findUsable(manager, token, true);
      const spent = await manager
        .createQueryBuilder()
        .update(Invitation)
        .set({ usedAt: () => 'now()' })
        .where('id = :id AND used_at IS NULL', { id: invitation.id })
        .execute();
      if (spent.affected !== 1) throw invalidInvitation();
      await manager.update(User, { id: user.id }, { passwordHash: hash });
      await this.audit.record(
        manager,
        { id: user.id, email: user.email },
        {
          action: 'user.password_set',
          entity: 'user',
          entityId: user.id,
          before: { passwordSet: user.passwordHash !== null },
          after: { passwordSet: true },
        },
      );
    });
  }

  private async findUsable(
    manager: EntityManager,
    token: string,
    lock: boolean,
  ): Promise<{ invitation: Invitation; user: User }> {
    const qb = manager
      .getRepository(Invitation)
      .createQueryBuilder('invitation')
      .where('invitation.token_hash = :hash', { hash: hashToken(token) });
    if (lock) qb.setLock('pessimistic_write');
    const invitation = await qb.getOne();
    if (!invitation || invitation.usedAt || invitation.expiresAt.getTime() <= Date.now())
      throw invalidInvitation();
    const user = await manager
      .getRepository(User)
      .createQueryBuilder('user')
      .leftJoin('user.agency', 'agency')
      .where('user.id = :id', { id: invitation.userId })
      .andWhere('user.active = true')
      .andWhere("(user.agency_id IS NULL OR agency.status = 'active')")
      .getOne();
    if (!user) throw invalidInvitation();
    return { invitation, user };
  }
}
