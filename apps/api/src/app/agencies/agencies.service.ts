import { Injectable } from '@nestjs/common';
import type { AgencyDto, AgencySortKey, Page } from '@agency-portal/shared';
import { isAgencyRole } from '@agency-portal/shared';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { SessionsService } from '../auth/sessions.service';
import { fieldError, invalidState, notFound } from '../common/errors/domain-error';
import {
  joinSome,
  paginate,
  PERSON,
  toPage,
  whereSearch,
  type ListSpec,
  whereEqual,
} from '../common/lists/paginate';
import { UnitOfWork } from '../database/unit-of-work';
import { User } from '../users/user.entity';
import { Agency } from './agency.entity';
import { agencySnapshot, toAgencyDto } from './agency.mapper';
import type { AgencyListQueryDto, CreateAgencyDto, UpdateAgencyDto } from './dto/agency.dto';

const AGENCY_LIST: ListSpec<AgencySortKey> = {
  alias: 'agency',
  sorts: {
    name: { expression: 'agency.name', type: 'text' },
    createdAt: { expression: 'agency.created_at', type: 'timestamptz' },
  },
  defaultSort: 'name',
};

const UNIQUES = {
  agencies_name_key: () => fieldError('name', 'An agency with this name already exists.', 'conflict'),
};

@Injectable()
export class AgenciesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, query: AgencyListQueryDto): Promise<Page<AgencyDto>> {
    const qb = this.baseQuery(this.uow.manager);
    this.access.scope(qb, actor, 'agency', 'agency');
    whereEqual(qb, {
      'agency.status': query.status,
      'agency.relationship_owner_id': query.relationshipOwnerId,
    });
    if (query.service) qb.andWhere(':service = ANY(agency.services)', { service: query.service });
    whereSearch(qb, query.q, ['agency.name', 'agency.legal_name']);
    const page = await paginate(qb, AGENCY_LIST, query);
    return toPage(page, (agency) =>
      toAgencyDto(agency, Number(page.raw.get(agency.id)?.['user_count'] ?? 0)),
    );
  }

  async get(actor: Actor, id: string): Promise<AgencyDto> {
    const qb = this.baseQuery(this.uow.manager).where('agency.id = :id', { id });
    const { entities, raw } = await this.access.scope(qb, actor, 'agency', 'agency').getRawAndEntities();
    const agency = entities[0];
    if (!agency) throw notFound('Agency');
    return toAgencyDto(agency, Number((raw[0] as Record<string, unknown> | undefined)?.['user_count'] ?? 0));
  }

  async create(actor: Actor, input: CreateAgencyDto): Promise<AgencyDto> {
    const id = await this.uow.run(async (manager) => {
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
    }, UNIQUES);
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, input: UpdateAgencyDto): Promise<AgencyDto> {
    await this.uow.run(async (manager) => {
      const agency = await this.uow.lockVisible(manager, actor, 'agency', Agency, id);
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
    }, UNIQUES);
    return this.get(actor, id);
  }

  /** Offboarding ends every session of the agency's users at once, in the same transaction. */
  async offboard(actor: Actor, id: string, reason: string): Promise<AgencyDto> {
    await this.uow.run(async (manager) => {
      const agency = await this.uow.lockVisible(manager, actor, 'agency', Agency, id);
      if (agency.status === 'offboarded') throw invalidState('This agency is already offboarded.');
      const audited = {
        entity: 'agency',
        action: 'agency.offboarded',
        record: agency,
        snapshot: agencySnapshot,
      };
      await this.audit.saveChange(manager, actor, audited, (offboarded) => {
        offboarded.status = 'offboarded';
        offboarded.offboardedAt = new Date();
        offboarded.offboardReason = reason;
      });
      await this.sessions.revokeSessions(manager, { agencyId: agency.id }, 'agency_offboarded', actor);
    }, UNIQUES);
    return this.get(actor, id);
  }

  async reactivate(actor: Actor, id: string): Promise<AgencyDto> {
    await this.uow.run(async (manager) => {
      const agency = await this.uow.lockVisible(manager, actor, 'agency', Agency, id);
      if (agency.status === 'active') throw invalidState('This agency is already active.');
      const audited = {
        entity: 'agency',
        action: 'agency.reactivated',
        record: agency,
        snapshot: agencySnapshot,
      };
      await this.audit.saveChange(manager, actor, audited, (reactivated) => {
        reactivated.status = 'active';
        reactivated.offboardedAt = null;
        reactivated.offboardReason = null;
      });
    }, UNIQUES);
    return this.get(actor, id);
  }

  private baseQuery(manager: EntityManager) {
    const query = manager.getRepository(Agency).createQueryBuilder('agency');
    return joinSome(query, 'agency.relationshipOwner', 'owner', PERSON).addSelect(
      (sub) => sub.select('count(*)::int').from(User, 'member').where('member.agency_id = agency.id'),
      'user_count',
    );
  }

  /** The relationship owner must be an active in-house user. */
  private async requireOwner(manager: EntityManager, ownerId: string): Promise<void> {
    const owner = await manager.findOneBy(User, { id: ownerId });
    if (!owner || !owner.active || isAgencyRole(owner.role)) {
      throw fieldError('relationshipOwnerId', 'The relationship owner must be an active in-house user.');
    }
  }
}
