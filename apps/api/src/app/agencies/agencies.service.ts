import { Injectable } from '@nestjs/common';
import type { AgencyDto, AgencyStatus } from '@agency-portal/shared';
import { isAgencyRole } from '@agency-portal/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { SessionsService } from '../auth/sessions.service';
import { isUniqueViolation } from '../common/db-errors';
import { fieldError, invalidState } from '../common/errors/domain-error';
import { User } from '../users/user.entity';
import { requireVisibleAgency, scopeAgencies } from './agencies.policy';
import { Agency } from './agency.entity';
import { agencySnapshot, toAgencyDto } from './agency.mapper';
import type { CreateAgencyDto, UpdateAgencyDto } from './dto/agency.dto';

const nameTaken = () => fieldError('name', 'An agency with this name already exists.', 'conflict');

@Injectable()
export class AgenciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
  ) {}

  async list(actor: Actor, status?: AgencyStatus): Promise<AgencyDto[]> {
    const qb = this.baseQuery(this.dataSource.manager);
    scopeAgencies(qb, actor);
    if (status) qb.andWhere('agency.status = :status', { status });
    const { entities, raw } = await qb.orderBy('agency.name', 'ASC').getRawAndEntities();
    return entities.map((agency) => toAgencyDto(agency, countFor(raw, agency.id)));
  }

  async get(actor: Actor, id: string): Promise<AgencyDto> {
    const qb = this.baseQuery(this.dataSource.manager).where('agency.id = :id', { id });
    const { entities, raw } = await qb.getRawAndEntities();
    const agency = requireVisibleAgency(actor, entities[0] ?? null);
    return toAgencyDto(agency, countFor(raw, agency.id));
  }

  async create(actor: Actor, input: CreateAgencyDto): Promise<AgencyDto> {
    const id = await this.write(async (manager) => {
      await this.requireOwner(manager, input.relationshipOwnerId);
      const agency = await manager.save(
        manager.create(Agency, {
          name: input.name,
          legalName: input.legalName,
          services: input.services,
          status: 'active',
          relationshipOwnerId: input.relationshipOwnerId,
          offboardedAt: null,
          offboardReason: null,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'agency.created',
        entity: 'agency',
        entityId: agency.id,
        after: agencySnapshot(agency),
      });
      return agency.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, input: UpdateAgencyDto): Promise<AgencyDto> {
    await this.write(async (manager) => {
      const agency = await this.lock(manager, actor, id);
      const before = agencySnapshot(agency);
      if (input.relationshipOwnerId && input.relationshipOwnerId !== agency.relationshipOwnerId) {
        await this.requireOwner(manager, input.relationshipOwnerId);
        agency.relationshipOwnerId = input.relationshipOwnerId;
      }
      agency.name = input.name ?? agency.name;
      agency.legalName = input.legalName ?? agency.legalName;
      agency.services = input.services ?? agency.services;
      await manager.save(agency);
      const ownerChanged = before['relationshipOwnerId'] !== agency.relationshipOwnerId;
      await this.audit.record(manager, actor, {
        action: ownerChanged ? 'agency.owner_changed' : 'agency.updated',
        entity: 'agency',
        entityId: agency.id,
        before,
        after: agencySnapshot(agency),
      });
    });
    return this.get(actor, id);
  }

  /** Offboarding ends every session of the agency's users at once, in the same transaction. */
  async offboard(actor: Actor, id: string, reason: string): Promise<AgencyDto> {
    await this.write(async (manager) => {
      const agency = await this.lock(manager, actor, id);
      if (agency.status === 'offboarded') throw invalidState('This agency is already offboarded.');
      const before = agencySnapshot(agency);
      agency.status = 'offboarded';
      agency.offboardedAt = new Date();
      agency.offboardReason = reason;
      await manager.save(agency);
      await this.audit.record(manager, actor, {
        action: 'agency.offboarded',
        entity: 'agency',
        entityId: agency.id,
        before,
        after: agencySnapshot(agency),
      });
      await this.sessions.revokeSessions(manager, { agencyId: agency.id }, 'agency_offboarded', actor);
    });
    return this.get(actor, id);
  }

  async reactivate(actor: Actor, id: string): Promise<AgencyDto> {
    await this.write(async (manager) => {
      const agency = await this.lock(manager, actor, id);
      if (agency.status === 'active') throw invalidState('This agency is already active.');
      const before = agencySnapshot(agency);
      agency.status = 'active';
      agency.offboardedAt = null;
      agency.offboardReason = null;
      await manager.save(agency);
      await this.audit.record(manager, actor, {
        action: 'agency.reactivated',
        entity: 'agency',
        entityId: agency.id,
        before,
        after: agencySnapshot(agency),
      });
    });
    return this.get(actor, id);
  }

  private baseQuery(manager: EntityManager) {
    return manager
      .getRepository(Agency)
      .createQueryBuilder('agency')
      .leftJoinAndSelect('agency.relationshipOwner', 'owner')
      .addSelect(
        (sub) => sub.select('count(*)::int').from(User, 'member').where('member.agency_id = agency.id'),
        'user_count',
      );
  }

  private async lock(manager: EntityManager, actor: Actor, id: string): Promise<Agency> {
    const agency = await manager
      .getRepository(Agency)
      .createQueryBuilder('agency')
      .setLock('pessimistic_write')
      .where('agency.id = :id', { id })
      .getOne();
    return requireVisibleAgency(actor, agency);
  }

  /** The relationship owner must be an active in-house user. */
  private async requireOwner(manager: EntityManager, ownerId: string): Promise<void> {
    const owner = await manager.findOneBy(User, { id: ownerId });
    if (!owner || !owner.active || isAgencyRole(owner.role)) {
      throw fieldError('relationshipOwnerId', 'The relationship owner must be an active in-house user.');
    }
  }

  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error, 'agencies_name_key')) throw nameTaken();
      throw error;
    }
  }
}

function countFor(raw: Record<string, unknown>[], id: string): number {
  const row = raw.find((entry) => entry['agency_id'] === id);
  return Number(row?.['user_count'] ?? 0);
}
