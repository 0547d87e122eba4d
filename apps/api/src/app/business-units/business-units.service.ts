import { Injectable } from '@nestjs/common';
import type { BusinessUnitDto, BusinessUnitSortKey, Page } from '@agency-portal/shared';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { fieldError, notFound } from '../common/errors/domain-error';
import { paginate, toPage, whereSearch, type ListSpec, whereEqual } from '../common/lists/paginate';
import { UnitOfWork } from '../database/unit-of-work';
import { BusinessUnit } from './business-unit.entity';
import { businessUnitSnapshot, toBusinessUnitDto } from './business-unit.mapper';
import type {
  BusinessUnitListQueryDto,
  CreateBusinessUnitDto,
  UpdateBusinessUnitDto,
} from './dto/business-unit.dto';

const UNIT_LIST: ListSpec<BusinessUnitSortKey> = {
  alias: 'unit',
  sorts: {
    name: { expression: 'unit.name', type: 'text' },
    createdAt: { expression: 'unit.created_at', type: 'timestamptz' },
  },
  defaultSort: 'name',
};

const UNIQUES = {
  business_units_name_key: () =>
    fieldError('name', 'A business unit with this name already exists.', 'conflict'),
};

@Injectable()
export class BusinessUnitsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, query: BusinessUnitListQueryDto): Promise<Page<BusinessUnitDto>> {
    const qb = this.uow.manager
      .getRepository(BusinessUnit)
      .createQueryBuilder('unit')
      .leftJoinAndSelect('unit.parent', 'parent');
    this.access.scope(qb, actor, 'business_unit', 'unit');
    whereEqual(qb, {
      'unit.operating_model': query.operatingModel,
      'unit.parent_id': query.parentId,
    });
    whereSearch(qb, query.q, ['unit.name']);
    return toPage(await paginate(qb, UNIT_LIST, query), toBusinessUnitDto);
  }

  async get(id: string): Promise<BusinessUnitDto> {
    return toBusinessUnitDto(await this.load(this.uow.manager, id));
  }

  async create(actor: Actor, input: CreateBusinessUnitDto): Promise<BusinessUnitDto> {
    const id = await this.uow.run(async (manager) => {
      if (input.parentId) await this.requireParent(manager, input.parentId);
      const unit = await manager.save(
        manager.create(BusinessUnit, {
          name: input.name,
          operatingModel: input.operatingModel,
          parentId: input.parentId ?? null,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'business_unit.created',
        entity: 'business_unit',
        entityId: unit.id,
        after: businessUnitSnapshot(unit),
      });
      return unit.id;
    }, UNIQUES);
    return this.get(id);
  }

  async update(actor: Actor, id: string, input: UpdateBusinessUnitDto): Promise<BusinessUnitDto> {
    await this.uow.run(async (manager) => {
      const unit = await this.load(manager, id, true);
      const before = businessUnitSnapshot(unit);
      if (input.parentId !== undefined && input.parentId !== null) {
        await this.requireParent(manager, input.parentId);
        await this.assertNoCycle(manager, id, input.parentId);
      }
      unit.name = input.name ?? unit.name;
      unit.operatingModel = input.operatingModel ?? unit.operatingModel;
      if (input.parentId !== undefined) unit.parentId = input.parentId;
      unit.parent = undefined;
      await manager.save(unit);
      await this.audit.record(manager, actor, {
        action: 'business_unit.updated',
        entity: 'business_unit',
        entityId: unit.id,
        before,
        after: businessUnitSnapshot(unit),
      });
    }, UNIQUES);
    return this.get(id);
  }

  private async load(manager: EntityManager, id: string, lock = false): Promise<BusinessUnit> {
    const qb = manager.getRepository(BusinessUnit).createQueryBuilder('unit').where('unit.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    else qb.leftJoinAndSelect('unit.parent', 'parent');
    const unit = await qb.getOne();
    if (!unit) throw notFound('Business unit');
    return unit;
  }

  private async requireParent(manager: EntityManager, parentId: string): Promise<void> {
    const exists = await manager.existsBy(BusinessUnit, { id: parentId });
    if (!exists) throw fieldError('parentId', 'The parent business unit does not exist.');
  }

  /** A unit may not become its own ancestor. */
  private async assertNoCycle(manager: EntityManager, id: string, parentId: string): Promise<void> {
    const rows: { id: string }[] = await manager.query(
      `WITH RECURSIVE ancestors(id, parent_id) AS (
         SELECT id, parent_id FROM business_units WHERE id = $1
         UNION ALL
         SELECT unit.id, unit.parent_id FROM business_units unit JOIN ancestors ON unit.id = ancestors.parent_id
       ) SELECT id FROM ancestors WHERE id = $2`,
      [parentId, id],
    );
    if (rows.length > 0)
      throw fieldError('parentId', 'A business unit cannot be placed under itself or one of its own units.');
  }
}
