import type { Channel, FunnelStage } from '@agency-portal/shared';
import {
  activeAt,
  pickActive,
  staffOf,
  type AgencyPlan,
  type ContractPlan,
  type GoalPlan,
  type SeedContext,
  type UserPlan,
} from '../context';
import { apportion, type Random } from '../random';
import {
  AUDIENCES,
  BRIEF_FORMATS,
  DECLINE_REASONS,
  KEY_MESSAGES,
  OBJECTIVES,
  OVERRIDE_REASONS,
  THEMES,
} from '../text';
import { addDays, clamp, DAY, HOUR, type Instant, isoDate } from '../time';
import { roundCap } from './contract-terms';
import type { SpecPlan } from './review-model';

/**
 * The plan of every brief before a row is written: which contract it goes to, what it asks for,
 * what became of it (draft, sent, declined, accepted, cancelled) and how much work it holds.
 */

/** What happened to a brief before any work started. */
type Fate = 'draft' | 'sent' | 'declined' | 'accepted' | 'cancelled';

export interface BriefPlan {
  id: string;
  contract: ContractPlan;
  creator: UserPlan;
  title: string;
  objective: string;
  audience: string;
  keyMessages: string[];
  channels: Channel[];
  funnel: FunnelStage;
  goals: GoalPlan[];
  createdAt: Instant;
  dueDate: string;
  specs: SpecPlan[];
  estimate: number;
  fate: Fate;
  sentAt: Instant | null;
  answeredAt: Instant | null;
  answeredBy: UserPlan | null;
  declineReason: string | null;
  override: { reason: string; by: UserPlan; at: Instant } | null;
  /** For a cancelled fate, when; for an accepted one, when it will be cancelled (if it is). */
  cancelAt: Instant | null;
  derivatives: number;
}

/** Share of the deliverables that are cut-downs of a master asset. */
const DERIVED_SHARE = 0.08;

/** When a brief may be sent and accepted: while its contract is active (and a little before its end). */
function window(ctx: SeedContext, contract: ContractPlan): [Instant, Instant] | null {
  if (contract.activatedAt === null || contract.allocations.length === 0) return null;
  const from = contract.activatedAt + 2 * DAY;
  const to = Math.min(contract.activeUntil - 12 * DAY, ctx.now - HOUR);
  return to > from ? [from, to] : null;
}

function pickGoals(random: Random, contract: ContractPlan): GoalPlan[] {
  const [first, ...rest] = contract.allocations.map((allocation) => allocation.goal);
  const goals = [first as GoalPlan];
  if (rest.length > 0 && random.chance(0.3)) goals.push(random.pick(rest));
  return goals;
}

function specsFor(
  random: Random,
  contract: ContractPlan,
  briefDue: string,
  createdAt: Instant,
  channels: Channel[],
): SpecPlan[] {
  const content = contract.rateCard.filter((item) => item.unit === 'deliverable');
  const items = random.sample(
    content,
    random.weighted([
      [1, 50],
      [2, 35],
      [3, 15],
    ] as const),
  );
  const earliest = isoDate(createdAt + 5 * DAY);
  return items.map((item, position) => {
    const due = addDays(briefDue, -random.int(0, 7));
    return {
      id: random.uuid(),
      position,
      item,
      quantity: 0,
      dueDate: due < earliest ? earliest : due,
      channel: random.chance(0.9) ? random.pick(channels) : null,
    };
  });
}

/** Splits a brief's deliverable count over its specs (1–500 each, as the API allows). */
function splitQuantity(random: Random, specs: SpecPlan[], total: number): SpecPlan[] {
  let list = specs;
  while (list.length * 500 < total)
    list = [...list, { ...(list[0] as SpecPlan), id: random.uuid(), position: list.length }];
  if (list.length > total) list = list.slice(0, total);
  const shares = apportion(
    total,
    list.map(() => random.between(0.5, 1.5)),
    1,
  );
  // Even out anything above the cap of 500 per spec.
  for (let index = 0; index < shares.length; index++) {
    const excess = (shares[index] as number) - 500;
    if (excess <= 0) continue;
    shares[index] = 500;
    for (let other = 0, left = excess; left > 0; other = (other + 1) % shares.length) {
      const room = 500 - (shares[other] as number);
      const moved = Math.min(room, left);
      shares[other] = (shares[other] as number) + moved;
      left -= moved;
    }
  }
  return list.map((spec, index) => ({ ...spec, quantity: shares[index] as number }));
}

function estimateOf(specs: SpecPlan[]): number {
  return specs.reduce((sum, spec) => sum + spec.item.priceMinor * spec.quantity, 0);
}

/** Planning fixes every brief's contract, dates, answer and size, so contract budgets can be sized from them. */
export function planBriefs(ctx: SeedContext): BriefPlan[] {
  const random = ctx.random.fork('briefs');
  const eligible = ctx.contracts.filter((contract) => window(ctx, contract) !== null);
  const weights = eligible.map((contract) => {
    const [from, to] = window(ctx, contract) as [Instant, Instant];
    return ((to - from) / DAY + 30) * Math.sqrt(contract.agency.weight);
  });
  const counts = apportion(ctx.volumes.briefs, weights, 1);
  const leads = staffOf(ctx, 'social_lead');
  const briefs: BriefPlan[] = [];
  eligible.forEach((contract, contractIndex) => {
    const [from, to] = window(ctx, contract) as [Instant, Instant];
    for (let n = 0; n < (counts[contractIndex] as number); n++) {
      const createdAt = random.between(from, to);
      const goals = pickGoals(random, contract);
      const primary = goals[0] as GoalPlan;
      const channels = random.sample(primary.channels, random.int(1, primary.channels.length));
      const dueDate = isoDate(createdAt + clamp(random.logNormal(28 * DAY, 0.4), 10 * DAY, 90 * DAY));
      const creator =
        random.chance(0.7) && activeAt(contract.owner, createdAt)
          ? contract.owner
          : (pickActive(random, leads, createdAt) ?? contract.owner);
      const year = new Date(createdAt).getUTCFullYear();
      const brief: BriefPlan = {
        id: random.uuid(),
        contract,
        creator,
        title: `${random.pick(THEMES)} ${random.pick(BRIEF_FORMATS)}${random.chance(0.4) ? ` ${year}` : ''}`,
        objective: random.pick(OBJECTIVES),
        audience: random.pick(AUDIENCES),
        keyMessages: random.sample(KEY_MESSAGES, random.int(0, 3)),
        channels,
        funnel: primary.funnel,
        goals,
        createdAt,
        dueDate,
        specs: specsFor(random, contract, dueDate, createdAt, channels),
        estimate: 0,
        fate: 'draft',
        sentAt: null,
        answeredAt: null,
        answeredBy: null,
        declineReason: null,
        override: null,
        cancelAt: null,
        derivatives: 0,
      };
      decideFate(ctx, random, brief);
      briefs.push(brief);
    }
  });
  sizeWork(ctx, random, briefs);
  return briefs;
}

/** Sent or not, answered or not, accepted or declined, and whether it will be cancelled. */
function decideFate(ctx: SeedContext, random: Random, brief: BriefPlan): void {
  const { contract } = brief;
  const sentAt = brief.createdAt + Math.max(30 * 60 * 1000, random.logNormal(DAY, 0.8));
  if (sentAt >= ctx.now || random.chance(0.02)) return;
  if (random.chance(0.02) || sentAt >= contract.activeUntil) {
    const at = Math.min(
      ctx.now - HOUR,
      Math.max(
        brief.createdAt + HOUR,
        Math.min(sentAt, contract.activeUntil) + random.logNormal(2 * DAY, 0.6),
      ),
    );
    if (at > brief.createdAt) {
      brief.fate = 'cancelled';
      brief.cancelAt = at;
    }
    return;
  }
  brief.fate = 'sent';
  brief.sentAt = sentAt;
  const answeredAt = sentAt + random.logNormal(20 * HOUR, 0.9);
  if (answeredAt >= ctx.now) return;
  const answeredBy = pickActive(random, contract.agency.users, answeredAt);
  if (!answeredBy) return;
  if (random.chance(0.06)) {
    Object.assign(brief, {
      fate: 'declined',
      answeredAt,
      answeredBy,
      declineReason: random.pick(DECLINE_REASONS),
    });
    return;
  }
  if (answeredAt >= contract.activeUntil) {
    // The contract ended before the agency could accept: the brand withdrew the brief.
    const at = contract.activeUntil + random.logNormal(2 * DAY, 0.6);
    if (at < ctx.now) Object.assign(brief, { fate: 'cancelled', cancelAt: at });
    return;
  }
  Object.assign(brief, { fate: 'accepted', answeredAt, answeredBy });
  if (random.chance(0.03) && activeAt(contract.owner, answeredAt)) {
    brief.override = {
      reason: random.pick(OVERRIDE_REASONS),
      by: contract.owner,
      at: random.between(brief.createdAt, answeredAt),
    };
  }
  const due = Date.parse(`${brief.dueDate}T17:00:00Z`);
  const stops: Instant[] = [];
  if (contract.terminated) stops.push(contract.terminated.at + random.logNormal(DAY, 0.5));
  if (contract.agency.offboarded) stops.push(contract.agency.offboarded.at - DAY);
  if (random.chance(0.04))
    stops.push(answeredAt + random.between(0.2, 0.9) * Math.max(DAY, due - answeredAt));
  const stop = Math.min(...stops.filter((at) => at > answeredAt + HOUR));
  if (stop < ctx.now) brief.cancelAt = stop;
}

/**
 * Deliverable counts: the accepted briefs share the target (one big brief gets a large share,
 * the rest a long-tailed one), a few percent as cut-downs; then contract budgets are sized so
 * every acceptance without an owner's override fits under the cap, as BriefsService requires.
 */
function sizeWork(ctx: SeedContext, random: Random, briefs: BriefPlan[]): void {
  const accepted = briefs.filter((brief) => brief.fate === 'accepted');
  const total = ctx.volumes.deliverables;
  const derived = Math.round(total * DERIVED_SHARE);
  const originals = total - derived;
  if (accepted.length === 0 || accepted.length > originals)
    throw new Error(`cannot place ${originals} deliverables in ${accepted.length} accepted briefs`);
  const biggestAgency = ctx.org.agencies.reduce((top, agency: AgencyPlan) =>
    agency.weight > top.weight ? agency : top,
  );
  const candidates = accepted.filter(
    (brief) =>
      brief.contract.agency === biggestAgency &&
      brief.answeredAt !== null &&
      brief.answeredAt < ctx.now - 30 * DAY &&
      brief.cancelAt === null,
  );
  const big = candidates.length > 0 ? random.pick(candidates) : (accepted[0] as BriefPlan);
  const bigShare = Math.min(Math.max(40, Math.round(originals * 0.005)), Math.floor(originals / 2), 1500);
  const rest = accepted.filter((brief) => brief !== big);
  const shares =
    rest.length > 0
      ? apportion(
          originals - bigShare,
          rest.map(() => random.logNormal(1, 0.8)),
          1,
        )
      : [];
  big.specs = splitQuantity(random, big.specs, rest.length > 0 ? bigShare : originals);
  rest.forEach((brief, index) => {
    brief.specs = splitQuantity(random, brief.specs, shares[index] as number);
  });
  for (const brief of briefs) {
    if (brief.fate !== 'accepted') {
      brief.specs = brief.specs.map((spec) => ({
        ...spec,
        quantity: Math.max(1, Math.round(random.logNormal(3, 0.7))),
      }));
    }
    brief.estimate = estimateOf(brief.specs);
  }
  // Cut-downs go where the masters are: one draw per original deliverable.
  const slots = accepted.flatMap((brief) =>
    Array.from(
      {
        length: Math.min(
          brief.specs.reduce((sum, spec) => sum + spec.quantity, 0),
          50,
        ),
      },
      () => brief,
    ),
  );
  for (const brief of random.sample(slots, Math.min(derived, slots.length))) brief.derivatives++;
  const placed = accepted.reduce((sum, brief) => sum + brief.derivatives, 0);
  big.derivatives += derived - placed;

  const committed = new Map<ContractPlan, number>();
  for (const brief of accepted) {
    if (!brief.override) committed.set(brief.contract, (committed.get(brief.contract) ?? 0) + brief.estimate);
  }
  for (const contract of ctx.contracts) {
    const needed = committed.get(contract) ?? 0;
    const fallback = contract.rateCard.reduce((sum, item) => sum + item.priceMinor, 0) * random.int(10, 60);
    contract.capMinor = roundCap(
      needed > 0 ? needed * random.between(1.05, 1.4) : fallback,
      contract.currency,
    );
  }
  ctx.facts['bigBrief'] = big.id;
}
