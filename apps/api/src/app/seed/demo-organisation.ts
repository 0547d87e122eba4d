import type { Locale, OperatingModel, Role } from '@agency-portal/shared';
import { type DataSource, type EntityManager } from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { User } from '../users/user.entity';
import { recordSeedEvent } from './seed-audit';

/** For the demo only: every demo account signs in with it. Nothing outside the demo uses it. */
export const DEMO_PASSWORD = 'demo-password';

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  agency?: 'northwind' | 'southpeak';
  unit?: 'coe' | 'korea';
  /** English (and the device's zone) unless given. */
  locale?: Locale;
  timeZone?: string;
}

export const DEMO_UNITS: Record<'coe' | 'korea', { name: string; operatingModel: OperatingModel }> = {
  coe: { name: 'Global Social Centre of Excellence', operatingModel: 'coe' },
  korea: { name: 'Korea Consumer Marketing', operatingModel: 'decentralised' },
};

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@demo.local', name: 'Ada Admin', role: 'admin', unit: 'coe' },
  {
    email: 'lead@demo.local',
    name: 'Lee Social Lead',
    role: 'social_lead',
    unit: 'coe',
  },
  {
    email: 'reviewer@demo.local',
    name: 'Riya Brand Reviewer',
    role: 'reviewer',
    unit: 'coe',
  },
  {
    email: 'legal@demo.local',
    name: 'Lena Legal',
    role: 'reviewer',
    unit: 'coe',
  },
  {
    email: 'putri@demo.local',
    name: 'Putri Lestari',
    role: 'social_lead',
    unit: 'coe',
    locale: 'id',
    timeZone: 'Asia/Jakarta',
  },
  { email: 'finance@demo.local', name: 'Felix Finance', role: 'finance' },
  { email: 'finance2@demo.local', name: 'Farah Finance', role: 'finance' },
  {
    email: 'viewer@demo.local',
    name: 'Vic Viewer',
    role: 'viewer',
    unit: 'korea',
  },
  {
    email: 'admin@northwind.demo.local',
    name: 'Nora Northwind',
    role: 'agency_admin',
    agency: 'northwind',
  },
  {
    email: 'member@northwind.demo.local',
    name: 'Nate Northwind',
    role: 'agency_member',
    agency: 'northwind',
  },
  {
    email: 'jiwoo@northwind.demo.local',
    name: '김지우',
    role: 'agency_member',
    agency: 'northwind',
    locale: 'ko',
    timeZone: 'Asia/Seoul',
  },
  {
    email: 'admin@southpeak.demo.local',
    name: 'Sami Southpeak',
    role: 'agency_admin',
    agency: 'southpeak',
  },
  {
    email: 'member@southpeak.demo.local',
    name: 'Sora Southpeak',
    role: 'agency_member',
    agency: 'southpeak',
  },
];

export const DEMO_AGENCIES = {
  northwind: {
    name: 'Northwind Social',
    legalName: 'Northwind Social Ltd.',
    services: ['full_service', 'creative'] as Agency['services'],
  },
  southpeak: {
    name: 'Southpeak Media',
    legalName: 'PT Southpeak Media Indonesia',
    services: ['paid_media', 'influencer'] as Agency['services'],
  },
};

export interface SeedResult {
  seeded: boolean;
}

/**
 * Seeds the demo organisation when the database has no users yet, in one transaction with audit
 * records (actor: the system). Returns seeded=false when there was already data.
 */
export async function seedDemoOrganisation(
  dataSource: DataSource,
  passwordHash: string,
): Promise<SeedResult> {
  return dataSource.transaction(async (manager) => {
    await manager.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
    if ((await manager.count(User)) > 0) return { seeded: false };

    const coe = await createUnit(manager, DEMO_UNITS.coe, null);
    const korea = await createUnit(manager, DEMO_UNITS.korea, coe.id);
    const units = { coe, korea };

    const inHouse = new Map<string, User>();
    for (const person of DEMO_USERS.filter((entry) => !entry.agency)) {
      inHouse.set(
        person.email,
        await createUser(manager, person, passwordHash, null, person.unit ? units[person.unit].id : null),
      );
    }
    const owner = inHouse.get('lead@demo.local');
    if (!owner) throw new Error('demo social lead missing');

    for (const key of ['northwind', 'southpeak'] as const) {
      const agency = await manager.save(
        manager.create(Agency, {
          ...DEMO_AGENCIES[key],
          status: 'active',
          relationshipOwnerId: owner.id,
          offboardedAt: null,
          offboardReason: null,
        }),
      );
      await recordSeedEvent(manager, 'agency.created', 'agency', agency.id, {
        name: agency.name,
        relationshipOwnerId: owner.id,
      });
      for (const person of DEMO_USERS.filter((entry) => entry.agency === key)) {
        await createUser(manager, person, passwordHash, agency.id, null);
      }
    }
    return { seeded: true };
  });
}

async function createUnit(
  manager: EntityManager,
  unit: { name: string; operatingModel: OperatingModel },
  parentId: string | null,
): Promise<BusinessUnit> {
  const saved = await manager.save(manager.create(BusinessUnit, { ...unit, parentId }));
  await recordSeedEvent(manager, 'business_unit.created', 'business_unit', saved.id, {
    ...unit,
    parentId,
  });
  return saved;
}

async function createUser(
  manager: EntityManager,
  person: DemoUser,
  passwordHash: string,
  agencyId: string | null,
  businessUnitId: string | null,
): Promise<User> {
  const user = await manager.save(
    manager.create(User, {
      email: person.email,
      name: person.name,
      role: person.role,
      agencyId,
      businessUnitId,
      locale: person.locale ?? 'en',
      timeZone: person.timeZone ?? null,
      passwordHash,
      active: true,
      lastLoginAt: null,
    }),
  );
  await recordSeedEvent(manager, 'user.created', 'user', user.id, {
    email: user.email,
    role: user.role,
    agencyId,
  });
  return user;
}
