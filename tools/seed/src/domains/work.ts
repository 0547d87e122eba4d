import type { BriefStatus } from '@agency-portal/shared';
import type { Json, Loader } from '../copy';
import { activeAt, type Domain, type SeedContext } from '../context';
import type { Random } from '../random';
import { DAY, type Instant } from '../time';
import { ReviewSimulation } from './review';
import { WorkBuffers, type BriefRun } from './review-model';
import { planBriefs, type BriefPlan } from './work-plan';

const BATCH_BRIEFS = 2000;

/** BriefsService's audit snapshot of the brief as it was at `at`. */
function snapshot(brief: BriefPlan, status: BriefStatus, at: Instant): Json {
  return {
    contractId: brief.contract.id,
    title: brief.title,
    dueDate: brief.dueDate,
    budgetEstimateMinor: brief.estimate,
    status,
    declineReason: status === 'declined' ? brief.declineReason : null,
    overrideReason: brief.override && brief.override.at <= at ? brief.override.reason : null,
  };
}

/** The plan of each run's briefs, from plan() to write(). */
const PLANS = new WeakMap<SeedContext, BriefPlan[]>();

/** Briefs (with goals and specs) and everything under the accepted ones, written in batches. */
export const work: Domain = {
  name: 'work',

  plan(ctx) {
    PLANS.set(ctx, planBriefs(ctx));
  },

  async write(ctx, loader) {
    const random = ctx.random.fork('work');
    const planned = PLANS.get(ctx) ?? [];
    const batches = Math.ceil(planned.length / BATCH_BRIEFS);
    const started = performance.now();
    let written = 0;
    // With per-row checks, deliverables get their current version once the versions exist.
    await loader.client.query(
      'CREATE TEMP TABLE seed_current_versions (deliverable_id uuid NOT NULL, version_id uuid NOT NULL) ON COMMIT DROP',
    );
    // A batch is generated while the one before it streams into the database.
    let writing: Promise<void> = Promise.resolve();
    for (let batch = 0; batch < batches; batch++) {
      const out = new WorkBuffers();
      const slice = planned.slice(batch * BATCH_BRIEFS, (batch + 1) * BATCH_BRIEFS);
      let deliverables = 0;
      for (let index = 0; index < slice.length; index++) {
        deliverables += writeBrief(ctx, random, slice[index] as BriefPlan, out);
        if (index % 20 === 19) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      await writing;
      writing = writeBatch(ctx, loader, out).then(() => {
        written += deliverables;
        ctx.log(
          `  work: ${batch + 1}/${batches} batches, ${written.toLocaleString('en')} deliverables, ${((performance.now() - started) / 1000).toFixed(0)} s`,
        );
      });
      // Failures surface at the next await; until then the promise must not count as unhandled.
      writing.catch(() => undefined);
    }
    await writing;
    PLANS.delete(ctx);
  },
};

async function writeBatch(ctx: SeedContext, loader: Loader, out: WorkBuffers): Promise<void> {
  await loader.write(out.briefs, out.briefGoals, out.specs, out.deliverables, out.versions);
  if (out.currentVersions.rows > 0) {
    await loader.write(out.currentVersions);
    await loader.timed('deliverables (current version)', () =>
      loader.client.query(
        `UPDATE deliverables d SET current_version_id = c.version_id
           FROM seed_current_versions c WHERE d.id = c.deliverable_id;
         TRUNCATE seed_current_versions`,
      ),
    );
  }
  await loader.write(out.files, out.decisions, out.comments);
  await ctx.activity.write(loader);
  ctx.storage.flush();
}

/** One brief's rows; returns how many deliverables it has. */
function writeBrief(ctx: SeedContext, random: Random, brief: BriefPlan, out: WorkBuffers): number {
  const { activity } = ctx;
  const { contract } = brief;
  const link = { link: `/briefs/${brief.id}`, entity: 'brief', entityId: brief.id };
  const brand = [contract.owner, brief.creator];
  activity.record(brief.createdAt, brief.creator, 'brief.created', 'brief', brief.id, null, {
    ...(snapshot(brief, 'draft', brief.createdAt) as Record<string, Json>),
    goalIds: brief.goals.map((goal) => goal.id),
    specs: brief.specs.map((spec) => ({
      rateCardItemId: spec.item.id,
      quantity: spec.quantity,
      dueDate: spec.dueDate,
      channel: spec.channel,
    })),
  });
  if (brief.override) {
    const { at, by } = brief.override;
    const state = brief.sentAt !== null && brief.sentAt < at ? 'sent' : 'draft';
    activity.record(
      at,
      by,
      'brief.budget_override',
      'brief',
      brief.id,
      snapshot(brief, state, at - 1),
      snapshot(brief, state, at),
    );
  }
  let status: BriefStatus = brief.fate === 'cancelled' ? 'cancelled' : brief.fate;
  let updatedAt = brief.cancelAt ?? brief.answeredAt ?? brief.sentAt ?? brief.createdAt;
  if (brief.sentAt !== null) {
    activity.record(
      brief.sentAt,
      brief.creator,
      'brief.sent',
      'brief',
      brief.id,
      snapshot(brief, 'draft', brief.sentAt),
      snapshot(brief, 'sent', brief.sentAt),
    );
    if (activity.recent(brief.sentAt)) {
      activity.notifyAndMail(
        brief.sentAt,
        contract.agency.users.filter((user) => activeAt(user, brief.sentAt as Instant)),
        {
          kind: 'brief_sent',
          title: `New brief: ${brief.title}`,
          body: `${brief.creator.name} sent a brief under ${contract.reference}, due ${brief.dueDate}.`,
          ...link,
        },
      );
    }
  }
  if (brief.answeredAt !== null && brief.answeredBy) {
    const answer = brief.fate === 'declined' ? 'declined' : 'accepted';
    activity.record(
      brief.answeredAt,
      brief.answeredBy,
      `brief.${answer}`,
      'brief',
      brief.id,
      snapshot(brief, 'sent', brief.answeredAt),
      snapshot(brief, answer, brief.answeredAt),
    );
    if (activity.recent(brief.answeredAt)) {
      activity.notifyAndMail(
        brief.answeredAt,
        brand.filter((user) => activeAt(user, brief.answeredAt as Instant)),
        {
          kind: 'brief_answered',
          title: `Brief ${answer}: ${brief.title}`,
          body:
            answer === 'declined'
              ? `${brief.answeredBy.name} declined the brief: ${brief.declineReason ?? ''}`
              : `${brief.answeredBy.name} accepted the brief; its deliverables are open for versions.`,
          ...link,
        },
      );
    }
  }
  let deliverables = 0;
  if (brief.fate === 'accepted' && brief.answeredAt !== null) {
    const run: BriefRun = {
      briefId: brief.id,
      contract,
      goalIds: brief.goals.map((goal) => goal.id),
      specs: brief.specs,
      acceptedAt: brief.answeredAt,
      stop: brief.cancelAt ?? ctx.now,
      cancelled: brief.cancelAt !== null,
      derivatives: brief.derivatives,
    };
    const result = new ReviewSimulation(ctx, random, run, out).simulate();
    deliverables = result.deliverables;
    status = 'accepted';
    updatedAt = brief.answeredAt;
    if (result.firstSubmission) {
      status = 'in_progress';
      updatedAt = result.firstSubmission.at;
      activity.record(
        result.firstSubmission.at,
        result.firstSubmission.by,
        'brief.in_progress',
        'brief',
        brief.id,
        { status: 'accepted' },
        { status: 'in_progress' },
      );
    }
    const completedAt = result.allDoneAt !== null ? result.allDoneAt + random.logNormal(4 * DAY, 0.6) : null;
    const closer = contract.owner;
    if (completedAt !== null && completedAt < run.stop && activeAt(closer, completedAt)) {
      activity.record(
        completedAt,
        closer,
        'brief.completed',
        'brief',
        brief.id,
        snapshot(brief, status, completedAt),
        snapshot(brief, 'completed', completedAt),
      );
      status = 'completed';
      updatedAt = completedAt;
    } else if (run.cancelled) {
      activity.record(
        run.stop,
        closer,
        'brief.cancelled',
        'brief',
        brief.id,
        snapshot(brief, status, run.stop),
        snapshot(brief, 'cancelled', run.stop),
      );
      status = 'cancelled';
      updatedAt = run.stop;
    }
  } else if (brief.fate === 'cancelled' && brief.cancelAt !== null) {
    activity.record(
      brief.cancelAt,
      contract.owner,
      'brief.cancelled',
      'brief',
      brief.id,
      snapshot(brief, brief.sentAt !== null ? 'sent' : 'draft', brief.cancelAt),
      snapshot(brief, 'cancelled', brief.cancelAt),
    );
  }
  out.briefs.push({
    id: brief.id,
    contract_id: contract.id,
    title: brief.title,
    objective: brief.objective,
    audience: brief.audience,
    key_messages: brief.keyMessages,
    channels: brief.channels,
    funnel_stage: brief.funnel,
    due_date: brief.dueDate,
    budget_estimate_minor: brief.estimate,
    status,
    decline_reason: brief.fate === 'declined' ? brief.declineReason : null,
    override_reason: brief.override?.reason ?? null,
    override_by: brief.override?.by.id ?? null,
    override_at: brief.override?.at ?? null,
    sent_at: brief.sentAt,
    answered_at: brief.answeredAt,
    created_by: brief.creator.id,
    created_at: brief.createdAt,
    updated_at: Math.max(updatedAt, brief.createdAt),
  });
  for (const goal of brief.goals) out.briefGoals.push({ brief_id: brief.id, goal_id: goal.id });
  for (const spec of brief.specs) {
    out.specs.push({
      id: spec.id,
      brief_id: brief.id,
      position: spec.position,
      rate_card_item_id: spec.item.id,
      quantity: spec.quantity,
      due_date: spec.dueDate,
      channel: spec.channel,
    });
  }
  return deliverables;
}
