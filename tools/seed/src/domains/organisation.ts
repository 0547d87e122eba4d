import { AGENCY_SERVICES, type Role } from '@agency-portal/shared';
import { TableBuffer, type Loader } from '../copy';
import { account, type AgencyPlan, type Domain, type UnitPlan, type UserPlan } from '../context';
import { TABLES } from '../tables';
import { agencyName, legalName, type Market, personName, slugOf } from '../text';
import { DAY, HOUR, type Instant } from '../time';
import {
  KNOWN_STAFF,
  LOCALE,
  MARKET_WEIGHTS,
  MORE_STAFF,
  type StaffSpec,
  UNITS,
  UNITS_BY_MARKET,
} from './organisation-data';

/** The password of every large-data account: throwaway benchmark data only, never a real system. */
export const LARGE_PASSWORD = 'large-password';

export const organisation: Domain = {
  name: 'organisation',

  plan(ctx) {
    const random = ctx.random.fork('organisation');
    const byKey = new Map<string, UnitPlan>();
    const units = UNITS.map((spec) => {
      const unit: UnitPlan = {
        id: random.uuid(),
        key: spec.key,
        name: spec.name,
        model: spec.model,
        parent: spec.parent ? (byKey.get(spec.parent) ?? null) : null,
        market: spec.market,
        currency: spec.currency,
        channels: spec.channels,
      };
      byKey.set(spec.key, unit);
      return unit;
    });
    const emails = new Set<string>();
    const uniqueEmail = (local: string, domain: string) => {
      let email = `${local}@${domain}`;
      for (let n = 2; emails.has(email); n++) email = `${local}${n}@${domain}`;
      emails.add(email);
      return email;
    };
    const person = (
      spec: StaffSpec,
      agencyId: string | null,
      domain: string,
      joinedAt: Instant,
    ): UserPlan => {
      const { first, last } = personName(random, spec.market);
      const email = spec.email ?? uniqueEmail(slugOf(`${first}.${last}`).replace(/-/g, '.'), domain);
      emails.add(email);
      return {
        id: random.uuid(),
        email,
        name: `${first} ${last}`,
        role: spec.role,
        agencyId,
        unit: spec.unit ? (byKey.get(spec.unit) ?? null) : null,
        locale: LOCALE[spec.market],
        joinedAt,
        leftAt: null,
        weight: spec.weight ?? random.logNormal(1, 0.6),
      };
    };

    const founding = ctx.since - 300 * DAY;
    const staffSpecs: StaffSpec[] = [...KNOWN_STAFF];
    const staffScale = Math.min(1, Math.max(0.25, ctx.scale * 4));
    for (const [role, count] of MORE_STAFF) {
      for (let index = 0; index < Math.round(count * staffScale); index++) {
        const unit = random.pick(units);
        staffSpecs.push({
          role,
          unit: role === 'finance' ? null : unit.key,
          market: unit.market === 'GL' ? random.pick(['GL', 'US'] as const) : unit.market,
        });
      }
    }
    const staff = staffSpecs.map((spec) => person(spec, null, 'large.local', founding));
    // Two generated reviewers and one viewer left the company along the way.
    const leavers = staff.filter(
      (user) =>
        !KNOWN_STAFF.some((known) => known.email === user.email) &&
        ['reviewer', 'viewer'].includes(user.role),
    );
    for (const user of random.sample(leavers, 3)) {
      user.leftAt = random.between(ctx.since + 200 * DAY, ctx.now - 30 * DAY);
    }
    const staffByRole = new Map<Role, UserPlan[]>();
    for (const user of staff) staffByRole.set(user.role, [...(staffByRole.get(user.role) ?? []), user]);
    const leads = staffByRole.get('social_lead') ?? [];

    const names = new Set<string>();
    const count = ctx.volumes.agencies;
    // Zipf-like sizes: the biggest agency gets about 50 times the work of the smallest.
    const weights = random.sample(
      Array.from({ length: count }, (_, index) => 1 / Math.pow(index + 1, 1.05)),
      count,
    );
    const lead = staff.find((user) => user.email === 'lead@large.local');
    if (!lead) throw new Error('lead@large.local missing');
    const biggest = weights.indexOf(Math.max(...weights));
    // The biggest agencies cover the three markets (and so the three currencies) between them.
    const rank = [...weights].sort((a, b) => b - a);
    const LEADING: Market[] = ['KR', 'ID', 'US'];
    const agencies: AgencyPlan[] = weights.map((weight, index) => {
      const market = LEADING[rank.indexOf(weight)] ?? random.weighted(MARKET_WEIGHTS);
      const name = agencyName(random, names);
      const slug = slugOf(name);
      const id = random.uuid();
      const createdAt =
        ctx.since + random.next() * Math.max(DAY, (ctx.now - ctx.since) * (weight > 0.2 ? 0.05 : 0.5));
      // The home market's unit first: most of an agency's contracts are with it.
      const [home, ...others] = UNITS_BY_MARKET[market];
      const unitKeys = [...new Set([home as string, ...random.sample(others, random.int(0, 2))])];
      const agencyUnits = unitKeys.map((key) => byKey.get(key) as UnitPlan);
      const homeLeads = leads.filter((user) => agencyUnits.includes(user.unit as UnitPlan));
      const owner =
        index === biggest || homeLeads.length === 0 || random.chance(0.3) ? lead : random.pick(homeLeads);
      const agency: AgencyPlan = {
        id,
        name,
        slug,
        code: slug.replace(/-/g, '').slice(0, 4).toUpperCase(),
        legalName: legalName(name, market),
        market,
        services: random.sample(AGENCY_SERVICES, random.int(1, 3)),
        owner,
        weight,
        createdAt,
        offboarded: null,
        users: [],
        units: agencyUnits,
      };
      const domain = `${slug}.large.local`;
      const members = Math.max(2, Math.round(2 + 38 * Math.pow(weight, 0.9)));
      const admins = weight > 0.3 ? 2 : 1;
      for (let n = 0; n < admins + members; n++) {
        const role: Role = n < admins ? 'agency_admin' : 'agency_member';
        const known = n === 0 ? `admin@${domain}` : n === admins ? `member@${domain}` : undefined;
        // Known accounts are there from the start; others join over time and a few leave.
        const joinedAt = known
          ? createdAt
          : createdAt + random.next() * Math.max(0, ctx.now - createdAt) * 0.6;
        const user = person(
          { role, unit: null, market, ...(known ? { email: known, weight: 4 } : {}) },
          id,
          domain,
          joinedAt,
        );
        if (!known && random.chance(0.08)) user.leftAt = random.between(joinedAt + 30 * DAY, ctx.now);
        if (user.leftAt !== null && user.leftAt <= joinedAt) user.leftAt = null;
        agency.users.push(user);
      }
      return agency;
    });
    const users = [...staff, ...agencies.flatMap((agency) => agency.users)];
    const accounts: Record<string, UserPlan> = {};
    for (const user of staff) {
      const known = KNOWN_STAFF.find((spec) => spec.email === user.email);
      if (known?.email) accounts[known.email.split('@')[0] as string] = user;
    }
    ctx.org = { units, staff: staffByRole, users, agencies, accounts };
  },

  async write(ctx, loader: Loader) {
    const random = ctx.random.fork('organisation-rows');
    const admin = account(ctx, 'admin');
    const unitRows = new TableBuffer(TABLES.businessUnits);
    const created = ctx.since - 330 * DAY;
    // Parents first: the table references itself.
    for (const unit of ctx.org.units) {
      unitRows.push({
        id: unit.id,
        name: unit.name,
        operating_model: unit.model,
        parent_id: unit.parent?.id ?? null,
        created_at: created,
        updated_at: created,
      });
      ctx.activity.record(created, admin, 'business_unit.created', 'business_unit', unit.id, null, {
        name: unit.name,
        operatingModel: unit.model,
        parentId: unit.parent?.id ?? null,
      });
    }
    const offboarded = new Map(
      ctx.org.agencies.flatMap((agency) =>
        agency.offboarded ? [[agency.id, agency.offboarded.at] as const] : [],
      ),
    );
    const staff = new TableBuffer(TABLES.users);
    const agencyUsers = new TableBuffer(TABLES.users);
    for (const user of ctx.org.users) {
      // The last sign-in came before leaving, or before the agency was offboarded.
      const until = user.leftAt ?? offboarded.get(user.agencyId ?? '') ?? ctx.now;
      const lastLogin = random.chance(0.8) ? until - random.logNormal(3 * DAY, 1) : null;
      (user.agencyId ? agencyUsers : staff).push({
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        agency_id: user.agencyId,
        business_unit_id: user.unit?.id ?? null,
        password_hash: ctx.passwordHash,
        active: user.leftAt === null,
        locale: user.locale,
        last_login_at: lastLogin === null ? null : Math.max(user.joinedAt, Math.min(ctx.now, lastLogin)),
        created_at: user.joinedAt,
        updated_at: user.leftAt ?? user.joinedAt,
      });
      const snapshot = { email: user.email, role: user.role, agencyId: user.agencyId };
      ctx.activity.record(
        user.joinedAt,
        user === admin ? null : admin,
        'user.invited',
        'user',
        user.id,
        null,
        snapshot,
      );
      ctx.activity.record(user.joinedAt + HOUR, user, 'user.password_set', 'user', user.id, null, null);
      if (user.leftAt !== null) {
        ctx.activity.record(
          user.leftAt,
          admin,
          'user.deactivated',
          'user',
          user.id,
          { ...snapshot, active: true },
          { ...snapshot, active: false },
        );
      }
    }
    const agencies = new TableBuffer(TABLES.agencies);
    for (const agency of ctx.org.agencies) {
      const snapshot = {
        name: agency.name,
        legalName: agency.legalName,
        services: agency.services,
        status: 'active',
        relationshipOwnerId: agency.owner.id,
        offboardReason: null,
      };
      agencies.push({
        id: agency.id,
        name: agency.name,
        legal_name: agency.legalName,
        services: agency.services,
        status: agency.offboarded ? 'offboarded' : 'active',
        relationship_owner_id: agency.owner.id,
        offboarded_at: agency.offboarded?.at ?? null,
        offboard_reason: agency.offboarded?.reason ?? null,
        created_at: agency.createdAt,
        updated_at: agency.offboarded?.at ?? agency.createdAt,
      });
      ctx.activity.record(agency.createdAt, admin, 'agency.created', 'agency', agency.id, null, snapshot);
      if (agency.offboarded) {
        ctx.activity.record(agency.offboarded.at, admin, 'agency.offboarded', 'agency', agency.id, snapshot, {
          ...snapshot,
          status: 'offboarded',
          offboardReason: agency.offboarded.reason,
        });
      }
    }
    // In-house users first (agencies name one as relationship owner), agency users last.
    await loader.write(unitRows, staff, agencies, agencyUsers);
  },
};
