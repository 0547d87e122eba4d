import { TableBuffer } from '../copy';
import { staffOf, type AgencyPlan, type ContractPlan, type Domain, type GoalPlan } from '../context';
import { apportion, type Random } from '../random';
import { TABLES } from '../tables';
import { CONTRACT_TITLES, INTERNAL_NOTES, OFFBOARD_REASONS, TERMINATION_REASONS } from '../text';
import { addDays, addMonths, DAY, dayStart, HOUR, isoDate } from '../time';
import { recordLifecycle } from './contract-lifecycle';
import { rateCard, TAX_RATE_BP } from './rate-cards';

const ALLOCATION_PATTERNS = [[100], [60, 30], [70, 30], [50, 50], [40, 30, 20], [80], [50, 25, 25], [90]];

function allocations(random: Random, candidates: GoalPlan[]): { goal: GoalPlan; percent: number }[] {
  const pattern = random.pick(ALLOCATION_PATTERNS.filter((entry) => entry.length <= candidates.length));
  return random
    .sample(candidates, pattern.length)
    .map((goal, index) => ({ goal, percent: pattern[index] as number }));
}

/** Moves an agency's start (and its people's joining and leaving) to `createdAt`. */
function shiftAgency(agency: AgencyPlan, createdAt: number): void {
  const delta = createdAt - agency.createdAt;
  agency.createdAt = createdAt;
  for (const user of agency.users) {
    user.joinedAt += delta;
    if (user.leftAt !== null) user.leftAt += delta;
  }
}

/**
 * When the daily lifecycle job (00:15 UTC, and at every boot) raised the renewal notice: once the
 * contract was active and within its notice window, if that happened before it stopped being active.
 */
function renewalNotice(contract: ContractPlan, until: number): number | null {
  if (contract.activatedAt === null) return null;
  const due = Math.max(
    dayStart(addDays(contract.endDate, -contract.noticeDays)),
    contract.activatedAt + HOUR,
  );
  return due < until ? Math.min(due + 15 * 60 * 1000, until - 1000) : null;
}

export const contracts: Domain = {
  name: 'contracts',

  plan(ctx) {
    const random = ctx.random.fork('contracts');
    const agencies = ctx.org.agencies;
    const biggest = agencies.reduce((top, agency) => (agency.weight > top.weight ? agency : top));
    // A few small agencies were offboarded once their last contract was over.
    const offboarded = new Set(
      [...agencies]
        .filter((agency) => agency !== biggest)
        .sort((a, b) => a.weight - b.weight)
        .slice(0, Math.max(1, Math.round(agencies.length * 0.06))),
    );
    const counts = apportion(
      ctx.volumes.contracts,
      agencies.map((agency) => agency.weight),
      1,
    );
    const references = new Set<string>();
    const leads = staffOf(ctx, 'social_lead');
    const today = isoDate(ctx.now);
    const planned: ContractPlan[] = [];
    // Offboarded agencies worked with the brand from early on, so their contracts are long over.
    for (const agency of offboarded)
      shiftAgency(agency, Math.min(agency.createdAt, ctx.since + random.between(0, 60) * DAY));
    agencies.forEach((agency, agencyIndex) => {
      const ending = offboarded.has(agency);
      for (let n = 0; n < (counts[agencyIndex] as number); n++) {
        const unit = random.chance(0.6)
          ? (agency.units[0] as (typeof agency.units)[number])
          : random.pick(agency.units);
        const currency = unit.currency;
        // The biggest agency is mid-way through a long contract and has drafted its renewal.
        const running = agency === biggest && n === 0;
        const renewal = agency === biggest && n === 1;
        const months = running ? 24 : random.pick([6, 12, 12, 12, 18, 24]);
        const earliest = Math.max(ctx.since, agency.createdAt + 10 * DAY);
        const draft = renewal || (!ending && !running && random.chance(0.06));
        const latestStart = ending
          ? ctx.now - (months * 30 + 150) * DAY
          : draft
            ? ctx.now + 90 * DAY
            : ctx.now + 20 * DAY;
        const startAt = running
          ? ctx.now - random.between(200, 300) * DAY
          : draft
            ? random.between(ctx.now - 10 * DAY, latestStart)
            : // The brand works with its agencies more every year: later starts are likelier.
              earliest + Math.sqrt(random.next()) * Math.max(0, latestStart - earliest);
        const startDate = isoDate(Math.max(startAt, earliest));
        const endDate = addDays(addMonths(startDate, months), -1);
        const owner = random.chance(0.7)
          ? agency.owner
          : random.pick(leads.filter((lead) => lead.unit === unit).concat(agency.owner));
        const year = startDate.slice(0, 4);
        let reference = '';
        for (let seq = 1; !reference || references.has(reference.toLowerCase()); seq++) {
          reference = `${agency.code}-${year}-${unit.market}-${String(seq).padStart(2, '0')}`;
        }
        references.add(reference.toLowerCase());
        const activation = dayStart(startDate) + 9 * HOUR - random.int(0, 5) * DAY;
        const createdAt = Math.max(
          ctx.since - 20 * DAY,
          agency.createdAt,
          activation - random.int(5, 40) * DAY,
        );
        const plan: ContractPlan = {
          id: random.uuid(),
          agency,
          unit,
          owner,
          reference,
          title: `${random.pick(CONTRACT_TITLES)} ${year}`,
          scope: `${agency.services.map((service) => service.replace('_', ' ')).join(', ')} for ${unit.name}.`,
          startDate,
          endDate,
          currency,
          capMinor: 0,
          noticeDays: random.pick([30, 30, 45, 60, 90]),
          status: 'draft',
          createdAt: draft ? Math.min(ctx.now - HOUR, createdAt) : createdAt,
          activatedAt: null,
          terminated: null,
          expiredAt: null,
          renewalNotifiedAt: null,
          signedDocument: null,
          internalNotes: random.pick(INTERNAL_NOTES),
          rateCard: rateCard(random, agency, currency),
          allocations: [],
          policy: { source: 'default', explanation: '', policyId: null, name: '', steps: [] },
          activeUntil: -Infinity,
        };
        if (!draft) {
          plan.activatedAt = Math.max(plan.createdAt + HOUR, Math.min(activation, ctx.now - HOUR));
          const ended = endDate < today;
          if (!running && random.chance(ended ? 0.12 : 0.1)) {
            const from = plan.activatedAt + 30 * DAY;
            const to = Math.min(ctx.now - DAY, dayStart(endDate) - 10 * DAY);
            if (to > from)
              plan.terminated = { at: random.between(from, to), reason: random.pick(TERMINATION_REASONS) };
          }
          if (plan.terminated) {
            plan.status = 'terminated';
            plan.activeUntil = plan.terminated.at;
          } else if (ended) {
            plan.status = 'expired';
            plan.expiredAt = Math.min(ctx.now, dayStart(addDays(endDate, 1)) + 15 * 60 * 1000);
            plan.activeUntil = plan.expiredAt;
          } else {
            plan.status = 'active';
            plan.activeUntil = Infinity;
          }
          plan.renewalNotifiedAt = renewalNotice(plan, Math.min(ctx.now, plan.activeUntil));
        }
        const overlapping = ctx.goals.filter(
          (goal) => goal.unit === unit && goal.periodStart <= endDate && goal.periodEnd >= startDate,
        );
        const candidates =
          overlapping.length > 0 ? overlapping : ctx.goals.filter((goal) => goal.unit === unit);
        plan.allocations = allocations(random, candidates);
        planned.push(plan);
      }
      if (ending) {
        const last = Math.max(
          ...planned.filter((plan) => plan.agency === agency).map((plan) => plan.activeUntil),
        );
        const at = Math.min(ctx.now - 7 * DAY, last + random.int(20, 90) * DAY);
        agency.offboarded = { at, reason: random.pick(OFFBOARD_REASONS) };
        // Nobody is invited to an offboarded agency, and nobody of it signs in afterwards.
        for (const user of agency.users) {
          if (user.joinedAt >= at) user.joinedAt = agency.createdAt + random.next() * (at - agency.createdAt);
          if (user.leftAt !== null && (user.leftAt <= user.joinedAt || user.leftAt >= at)) user.leftAt = null;
        }
      }
    });
    // However few the contracts, one of them was ended early.
    if (!planned.some((plan) => plan.terminated)) {
      const candidate = planned
        .filter((plan) => plan.status === 'expired' && plan.agency !== biggest && plan.activatedAt !== null)
        .sort((a, b) => b.endDate.localeCompare(a.endDate))[0];
      if (candidate?.activatedAt) {
        const at = candidate.activatedAt + (dayStart(candidate.endDate) - candidate.activatedAt) * 0.6;
        candidate.terminated = { at, reason: random.pick(TERMINATION_REASONS) };
        candidate.status = 'terminated';
        candidate.expiredAt = null;
        candidate.activeUntil = at;
        candidate.renewalNotifiedAt = renewalNotice(candidate, at);
      }
    }
    // Signed documents: every contract that was activated, and a few drafts awaiting activation.
    for (const plan of planned) {
      if (plan.status !== 'draft' || random.chance(0.4)) {
        const id = random.uuid();
        plan.signedDocument = {
          id,
          key: ctx.storage.keyFor('contracts', id),
          name: `${plan.reference} signed.pdf`,
          sample: ctx.storage.sample('contract'),
        };
      }
    }
    ctx.contracts = planned;
  },

  async write(ctx, loader) {
    const random = ctx.random.fork('contract-rows');
    const files = new TableBuffer(TABLES.storedFiles);
    const rows = new TableBuffer(TABLES.contracts);
    const items = new TableBuffer(TABLES.rateCardItems);
    const links = new TableBuffer(TABLES.contractGoals);
    for (const contract of ctx.contracts) {
      const document = contract.signedDocument;
      const uploadedAt =
        contract.activatedAt !== null
          ? contract.activatedAt - random.between(HOUR, 3 * DAY)
          : contract.createdAt + HOUR;
      const documentAt = Math.max(contract.createdAt + 60_000, Math.min(uploadedAt, ctx.now - 60_000));
      if (document) {
        files.push({
          id: document.id,
          storage_key: document.key,
          original_name: document.name,
          content_type: document.sample.contentType,
          size_bytes: document.sample.bytes,
          sha256: document.sample.sha256,
          uploaded_by: contract.owner.id,
          deliverable_id: null,
          version_id: null,
          created_at: documentAt,
        });
        ctx.storage.place(document.key, document.sample);
      }
      const changedAt =
        contract.terminated?.at ??
        contract.expiredAt ??
        contract.renewalNotifiedAt ??
        contract.activatedAt ??
        documentAt;
      rows.push({
        id: contract.id,
        agency_id: contract.agency.id,
        business_unit_id: contract.unit.id,
        owner_id: contract.owner.id,
        reference: contract.reference,
        title: contract.title,
        scope: contract.scope,
        start_date: contract.startDate,
        end_date: contract.endDate,
        currency: contract.currency,
        budget_cap_minor: contract.capMinor,
        tax_rate_bp: TAX_RATE_BP[contract.currency],
        renewal_notice_days: contract.noticeDays,
        status: contract.status,
        termination_reason: contract.terminated?.reason ?? null,
        terminated_at: contract.terminated?.at ?? null,
        activated_at: contract.activatedAt,
        expired_at: contract.expiredAt,
        renewal_notified_at: contract.renewalNotifiedAt,
        signed_document_id: document?.id ?? null,
        internal_notes: contract.internalNotes,
        created_at: contract.createdAt,
        updated_at: Math.max(changedAt, contract.createdAt),
      });
      for (const item of contract.rateCard) {
        items.push({
          id: item.id,
          contract_id: contract.id,
          position: item.position,
          code: item.code,
          description: item.description,
          unit: item.unit,
          unit_price_minor: item.priceMinor,
        });
      }
      for (const allocation of contract.allocations) {
        links.push({ contract_id: contract.id, goal_id: allocation.goal.id, percent: allocation.percent });
      }
      recordLifecycle(ctx, contract, document ? documentAt : null);
    }
    await loader.write(files, rows, items, links);
  },
};
