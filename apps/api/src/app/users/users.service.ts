import { Injectable } from '@nestjs/common';
import type { InvitationDto, Page, UserDto, UserSortKey } from '@agency-portal/shared';
import { DEFAULT_LOCALE } from '@agency-portal/shared';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Agency } from '../agencies/agency.entity';
import { AuditService } from '../audit/audit.service';
import { isAgencyActor, type Actor } from '../auth/actor';
import { InvitationsService, type IssuedInvitation } from '../auth/invitations.service';
import { SessionsService } from '../auth/sessions.service';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { joinSome, paginate, toPage, whereSearch, type ListSpec, whereEqual } from '../common/lists/paginate';
import { DomainError, fieldError, invalidState, notFound } from '../common/errors/domain-error';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainEvents } from '../events/domain-events.service';
import { MailService } from '../mail/mail.service';
import type { InviteUserDto, UpdateUserDto, UserListQueryDto } from './dto/user.dto';
import { User } from './user.entity';
import { toUserDto, userSnapshot } from './user.mapper';
import { agencyForNewUser, assertMayAssignRole, assertRoleChangeAllowed } from './users.policy';

const USER_LIST: ListSpec<UserSortKey> = {
  alias: 'user',
  sorts: {
    name: { expression: 'user.name', type: 'text' },
    email: { expression: 'user.email', type: 'text' },
    createdAt: { expression: 'user.created_at', type: 'timestamptz' },
  },
  defaultSort: 'name',
};

const UNIQUES = {
  users_email_key: () => fieldError('email', 'A user with this email already exists.', 'email_taken'),
};

@Injectable()
export class UsersService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly invitations: InvitationsService,
    private readonly mail: MailService,
    private readonly events: DomainEvents,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, query: UserListQueryDto): Promise<Page<UserDto>> {
    const qb = this.baseQuery(this.uow.manager);
    this.access.scope(qb, actor, 'user', 'user');
    whereEqual(qb, {
      'user.role': query.role,
      'user.agency_id': query.agencyId,
      'user.business_unit_id': query.businessUnitId,
      'user.active': query.active,
    });
    if (query.kind === 'in_house') qb.andWhere('user.agency_id IS NULL');
    if (query.kind === 'agency') qb.andWhere('user.agency_id IS NOT NULL');
    whereSearch(qb, query.q, ['user.name', 'user.email']);
    return toPage(await paginate(qb, USER_LIST, query), toUserDto);
  }

  async get(actor: Actor, id: string): Promise<UserDto> {
    const qb = this.baseQuery(this.uow.manager).where('user.id = :id', { id });
    const user = await this.access.scope(qb, actor, 'user', 'user').getOne();
    if (!user) throw notFound('User');
    return toUserDto(user);
  }

  /** Creates the user without a password and issues a one-time set-password link. */
  async invite(actor: Actor, input: InviteUserDto): Promise<InvitationDto> {
    assertMayAssignRole(actor, input.role);
    const agencyId = agencyForNewUser(actor, input.role, input.agencyId);
    const { user, invitation } = await this.uow.run(async (manager) => {
      if (agencyId) await this.requireActiveAgency(manager, agencyId);
      if (input.businessUnitId) await this.requireBusinessUnit(manager, actor, input.businessUnitId);
      const created = await manager.save(
        manager.create(User, {
          email: input.email,
          name: input.name,
          role: input.role,
          agencyId,
          businessUnitId: input.businessUnitId ?? null,
          locale: input.locale ?? DEFAULT_LOCALE,
          timeZone: input.timeZone ?? null,
          passwordHash: null,
          active: true,
          lastLoginAt: null,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'user.invited',
        entity: 'user',
        entityId: created.id,
        after: userSnapshot(created),
      });
      return {
        user: created,
        invitation: await this.issueInvitation(manager, created, actor),
      };
    }, UNIQUES);
    return this.invitationResponse(actor, user.id, invitation);
  }

  async update(actor: Actor, id: string, input: UpdateUserDto): Promise<UserDto> {
    await this.uow.run(async (manager) => {
      const user = await this.uow.lockVisible(manager, actor, 'user', User, id);
      const before = userSnapshot(user);
      if (input.role !== undefined) assertRoleChangeAllowed(actor, user, input.role);
      if (input.businessUnitId) await this.requireBusinessUnit(manager, actor, input.businessUnitId);
      user.name = input.name ?? user.name;
      user.role = input.role ?? user.role;
      if (input.businessUnitId !== undefined) user.businessUnitId = input.businessUnitId;
      if (input.locale !== undefined) user.locale = input.locale;
      if (input.timeZone !== undefined) user.timeZone = input.timeZone;
      await manager.save(user);
      await this.audit.record(manager, actor, {
        action: before['role'] !== user.role ? 'user.role_changed' : 'user.updated',
        entity: 'user',
        entityId: user.id,
        before,
        after: userSnapshot(user),
      });
      if (before['role'] !== user.role) {
        // A new role means new permissions: make the user sign in again.
        await this.sessions.revokeSessions(manager, { userId: user.id }, 'role_changed', actor);
      }
    }, UNIQUES);
    return this.get(actor, id);
  }

  /** Deactivation ends the user's sessions at once, in the same transaction. */
  async deactivate(actor: Actor, id: string): Promise<UserDto> {
    if (id === actor.id) throw new DomainError('forbidden', 'You cannot deactivate yourself.');
    await this.uow.run(async (manager) => {
      const user = await this.uow.lockVisible(manager, actor, 'user', User, id);
      if (!user.active) throw invalidState('This user is already deactivated.');
      const audited = { entity: 'user', action: 'user.deactivated', record: user, snapshot: userSnapshot };
      await this.audit.saveChange(manager, actor, audited, (deactivated) => {
        deactivated.active = false;
      });
      await this.sessions.revokeSessions(manager, { userId: user.id }, 'user_deactivated', actor);
    }, UNIQUES);
    return this.get(actor, id);
  }

  async reactivate(actor: Actor, id: string): Promise<UserDto> {
    await this.uow.run(async (manager) => {
      const user = await this.uow.lockVisible(manager, actor, 'user', User, id);
      if (user.active) throw invalidState('This user is already active.');
      const audited = { entity: 'user', action: 'user.reactivated', record: user, snapshot: userSnapshot };
      await this.audit.saveChange(manager, actor, audited, (reactivated) => {
        reactivated.active = true;
      });
    }, UNIQUES);
    return this.get(actor, id);
  }

  /** A fresh one-time link for someone who has not set a password yet; earlier links stop working. */
  async reissueInvitation(actor: Actor, id: string): Promise<InvitationDto> {
    const invitation = await this.uow.run(async (manager) => {
      const user = await this.uow.lockVisible(manager, actor, 'user', User, id);
      if (user.passwordHash) throw invalidState('This user has already set a password.');
      if (!user.active) throw invalidState('Reactivate the user before sending a new invitation.');
      return this.issueInvitation(manager, user, actor);
    }, UNIQUES);
    return this.invitationResponse(actor, id, invitation);
  }

  /** A one-time link, e-mailed to the user after commit (the invitation event's e-mail). */
  private async issueInvitation(manager: EntityManager, user: User, actor: Actor): Promise<IssuedInvitation> {
    const invitation = await this.invitations.issue(manager, user, actor);
    await this.events.publish(
      manager,
      {
        type: 'user.invited',
        payload: {
          userId: user.id,
          inviterName: actor.name,
          setPasswordUrl: invitation.setPasswordUrl,
          expiresAt: invitation.expiresAt.toISOString(),
        },
        audience: { userIds: [user.id] },
      },
      actor,
    );
    return invitation;
  }

  private async invitationResponse(
    actor: Actor,
    userId: string,
    invitation: IssuedInvitation,
  ): Promise<InvitationDto> {
    return {
      user: await this.get(actor, userId),
      setPasswordUrl: invitation.setPasswordUrl,
      expiresAt: invitation.expiresAt.toISOString(),
      // On its way when SMTP is configured (sent after commit, retried until it goes).
      emailed: this.mail.enabled,
    };
  }

  private baseQuery(manager: EntityManager) {
    const query = manager.getRepository(User).createQueryBuilder('user');
    joinSome(query, 'user.agency', 'agency', ['name']);
    return joinSome(query, 'user.businessUnit', 'businessUnit', ['name']);
  }

  private async requireActiveAgency(manager: EntityManager, agencyId: string): Promise<void> {
    const agency = await manager.findOneBy(Agency, { id: agencyId });
    if (!agency) throw fieldError('agencyId', 'The agency does not exist.');
    if (agency.status !== 'active') throw fieldError('agencyId', 'The agency is offboarded.');
  }

  /**
   * Business units are the brand's own: an agency admin sees none, so every unit id answers like
   * an unknown one and tells them nothing about which exist.
   */
  private async requireBusinessUnit(manager: EntityManager, actor: Actor, id: string): Promise<void> {
    if (isAgencyActor(actor) || !(await manager.existsBy(BusinessUnit, { id }))) {
      throw fieldError('businessUnitId', 'The business unit does not exist.');
    }
  }
}
