import {
  applyDecision,
  canSubmitVersion,
  type ApprovalStepDto,
  type Channel,
  type Decision,
} from '@agency-portal/shared';
import { activeAt, pickActive, staffOf, type SeedContext, type UserPlan } from '../context';
import { CHANNEL_NAMES } from '../labels';
import type { Random } from '../random';
import { CHANGE_REQUESTS, REJECTIONS } from '../text';
import { DAY, HOUR, type Instant } from '../time';
import type { BriefRun, DeliverableSim, RunResult, SpecPlan, VersionSim, WorkBuffers } from './review-model';
import { DeliverableRows } from './review-rows';
import { MAX_VERSIONS, decisionWait, filesFor, outcome, postUrl } from './review-odds';

/** Who may decide each policy step, worked out once per step. */
const CANDIDATES = new WeakMap<ApprovalStepDto, UserPlan[]>();

/**
 * Plays an accepted brief's deliverables through the review workflow with the shared rules
 * (canSubmitVersion, applyDecision): versions, files, decisions, comments, publication and
 * cut-downs, stopping at `now` (or at the brief's cancellation). Whatever the rows say is the
 * state the app reaches by the same steps, and every event leaves its audit record and notices.
 */
export class ReviewSimulation {
  private readonly steps: ApprovalStepDto[];
  private readonly rows: DeliverableRows;

  constructor(
    private readonly ctx: SeedContext,
    private readonly random: Random,
    private readonly run: BriefRun,
    private readonly out: WorkBuffers,
  ) {
    this.steps = run.contract.policy.steps;
    this.rows = new DeliverableRows(ctx, random, run, out);
  }

  simulate(): RunResult {
    const { run } = this;
    const deliverables: DeliverableSim[] = [];
    for (const spec of run.specs) {
      for (let index = 0; index < spec.quantity; index++) {
        deliverables.push(
          this.create(
            spec.quantity > 1 ? `${spec.item.description} ${index + 1}` : spec.item.description,
            spec,
            spec.channel,
            run.acceptedAt,
            spec.dueDate,
            null,
          ),
        );
      }
    }
    // Cut-downs are planned right after acceptance and cut once their master is approved.
    const masters = this.random.sample(deliverables, Math.min(deliverables.length, run.derivatives));
    const derived: DeliverableSim[] = [];
    for (let index = 0; index < run.derivatives; index++) {
      const master = masters[index % Math.max(1, masters.length)] as DeliverableSim;
      const channel = this.random.pick(
        run.contract.unit.channels
          .filter((candidate) => candidate !== master.channel)
          .concat(master.channel ?? 'instagram'),
      );
      const at = Math.min(run.stop - 60_000, run.acceptedAt + this.random.between(HOUR, 2 * DAY));
      derived.push(
        this.create(
          `${master.title}: ${CHANNEL_NAMES[channel]} cut-down`,
          master.spec,
          channel,
          Math.max(run.acceptedAt + 1000, at),
          master.dueDate,
          master,
        ),
      );
    }
    let firstSubmission: RunResult['firstSubmission'] = null;
    for (const deliverable of [...deliverables, ...derived]) {
      this.review(deliverable);
      const first = deliverable.versions[0];
      if (first && (!firstSubmission || first.at < firstSubmission.at))
        firstSubmission = { at: first.at, by: first.by };
    }
    const all = [...deliverables, ...derived];
    const done = all.every((deliverable) => deliverable.doneAt !== null);
    for (const deliverable of all) this.rows.write(deliverable);
    return {
      firstSubmission,
      allDoneAt: done ? Math.max(...all.map((deliverable) => deliverable.doneAt as number)) : null,
      deliverables: all.length,
    };
  }

  private create(
    title: string,
    spec: SpecPlan,
    channel: Channel | null,
    createdAt: Instant,
    dueDate: string,
    derivedFrom: DeliverableSim | null,
  ): DeliverableSim {
    const deliverable: DeliverableSim = {
      id: this.random.uuid(),
      title,
      spec,
      channel,
      createdAt,
      dueDate,
      derivedFrom,
      status: 'draft',
      versions: [],
      currentStep: null,
      reviewStartedAt: null,
      escalatedStep: null,
      approvedAt: null,
      publishedAt: null,
      postUrl: null,
      doneAt: null,
      updatedAt: createdAt,
    };
    if (derivedFrom) {
      const creator =
        pickActive(this.random, this.run.contract.agency.users, createdAt) ?? this.run.contract.owner;
      this.ctx.activity.record(
        createdAt,
        creator,
        'deliverable.derived',
        'deliverable',
        deliverable.id,
        null,
        {
          title,
          channel,
          derivedFromId: derivedFrom.id,
        },
      );
    }
    return deliverable;
  }

  /** Versions and decisions until the deliverable is approved, rejected, waiting, or time runs out. */
  private review(deliverable: DeliverableSim): void {
    const { random, run } = this;
    const due = Date.parse(`${deliverable.dueDate}T17:00:00Z`);
    let at =
      deliverable.createdAt + Math.max(6 * HOUR, random.between(0.35, 1.15) * (due - deliverable.createdAt));
    if (deliverable.derivedFrom) {
      const master = deliverable.derivedFrom.approvedAt;
      if (master === null) return;
      at = Math.max(at, master + random.logNormal(DAY, 0.7));
    }
    // The brief is accepted or in progress throughout the run, so the shared rule reduces to the deliverable's own state.
    while (
      canSubmitVersion(deliverable.status, 'in_progress') &&
      deliverable.versions.length < MAX_VERSIONS
    ) {
      if (at >= run.stop) return;
      const uploader = pickActive(random, run.contract.agency.users, at);
      if (!uploader) return;
      const version = this.submit(deliverable, at, uploader);
      let stepStart = at;
      for (let step = 0; step < this.steps.length; step++) {
        const rule = this.steps[step] as ApprovalStepDto;
        const slaDue = stepStart + rule.slaHours * HOUR;
        let decidedAt = stepStart + decisionWait(random, rule.slaHours);
        if (decidedAt >= run.stop) {
          if (!run.cancelled) {
            this.wait(deliverable, version, step, stepStart, slaDue);
            return;
          }
          // The brief is about to be cancelled: whoever reviews decides before it is.
          decidedAt = stepStart + (run.stop - stepStart) * random.between(0.3, 0.95);
        }
        if (decidedAt > slaDue + 15 * 60 * 1000) this.escalate(deliverable, step, rule, slaDue, decidedAt);
        const decision = outcome(random, step, version.number);
        const approver = this.decide(deliverable, version, step, rule, decision, decidedAt);
        version.deciders.push(approver);
        version.closedAt = decidedAt;
        version.outcome = decision;
        const result = applyDecision(step, this.steps.length, decision);
        deliverable.status = result.status;
        deliverable.updatedAt = decidedAt;
        if (result.status === 'in_review') {
          stepStart = decidedAt;
          continue;
        }
        deliverable.currentStep = null;
        deliverable.reviewStartedAt = null;
        if (result.status === 'approved') {
          deliverable.approvedAt = decidedAt;
          deliverable.doneAt = decidedAt;
          this.publish(deliverable, decidedAt);
        } else if (result.status === 'rejected') {
          deliverable.doneAt = decidedAt;
        } else {
          at = decidedAt + random.logNormal(2 * DAY, 0.7);
        }
        break;
      }
    }
  }

  private submit(deliverable: DeliverableSim, at: Instant, uploader: UserPlan): VersionSim {
    const { random, ctx } = this;
    const number = deliverable.versions.length + 1;
    const version: VersionSim = {
      id: random.uuid(),
      number,
      at,
      by: uploader,
      files: filesFor(this.random, this.ctx, deliverable.spec.item),
      deciders: [],
      closedAt: ctx.now,
      outcome: 'pending',
    };
    const before = { status: deliverable.status, currentVersionId: deliverable.versions.at(-1)?.id ?? null };
    deliverable.versions.push(version);
    deliverable.status = 'in_review';
    deliverable.currentStep = 0;
    deliverable.reviewStartedAt = at;
    deliverable.escalatedStep = null;
    deliverable.updatedAt = at;
    ctx.activity.record(
      at,
      uploader,
      'deliverable.version_submitted',
      'deliverable',
      deliverable.id,
      before,
      {
        status: 'in_review',
        versionId: version.id,
        number,
        fileIds: version.files.map((file) => file.id),
        policy: this.run.contract.policy.name,
      },
    );
    if (ctx.activity.recent(at)) {
      const first = this.steps[0] as ApprovalStepDto;
      ctx.activity.notifyAndMail(at, this.approvers(first, at), {
        kind: 'version_submitted',
        title: `Version ${number} of "${deliverable.title}" is ready for review`,
        body: `${uploader.name} submitted version ${number}. First step: ${first.name} (SLA ${first.slaHours} h).`,
        ...this.link(deliverable),
      });
    }
    return version;
  }

  private decide(
    deliverable: DeliverableSim,
    version: VersionSim,
    step: number,
    rule: ApprovalStepDto,
    decision: Decision,
    at: Instant,
  ): UserPlan {
    const { random, ctx } = this;
    const eligible = this.approvers(rule, at, version.deciders);
    // People a later step names (or the owner, when a later step is theirs) are kept for it, as a
    // real team would, so the one-step-per-person rule leaves that step someone to decide it.
    const later = this.steps.slice(step + 1);
    const reserved = new Set([
      ...later.flatMap((next) => next.approverUserIds),
      ...(later.some((next) => next.contractOwner) ? [this.run.contract.owner.id] : []),
    ]);
    const unreserved = eligible.filter((user) => !reserved.has(user.id));
    const approver = random.byWeight(unreserved.length > 0 ? unreserved : eligible);
    if (!approver) throw new Error(`nobody can decide "${rule.name}"`);
    const comment =
      decision === 'approve'
        ? null
        : decision === 'reject'
          ? random.pick(REJECTIONS)
          : random.pick(CHANGE_REQUESTS);
    this.out.decisions.push({
      id: random.uuid(),
      version_id: version.id,
      step_index: step,
      step_name: rule.name,
      approver_id: approver.id,
      decision,
      comment,
      decided_at: at,
    });
    const result = applyDecision(step, this.steps.length, decision);
    const action =
      decision === 'approve' ? 'step_approved' : decision === 'reject' ? 'rejected' : 'changes_requested';
    ctx.activity.record(
      at,
      approver,
      `deliverable.${action}`,
      'deliverable',
      deliverable.id,
      { status: 'in_review', step, versionId: version.id },
      {
        status: result.status,
        step: result.nextStep,
        decision,
        comment,
      },
    );
    if (ctx.activity.recent(at)) {
      const next = result.nextStep !== null ? this.steps[result.nextStep] : undefined;
      const verdict =
        result.status === 'approved'
          ? 'approved'
          : result.status === 'in_review'
            ? `passed "${rule.name}"`
            : result.status === 'rejected'
              ? 'rejected'
              : 'sent back with change requests';
      const agency = this.run.contract.agency.users.filter((user) => activeAt(user, at));
      ctx.activity.notifyAndMail(at, [...agency, ...(next ? this.approvers(next, at) : [])], {
        kind: 'decision_made',
        title: `"${deliverable.title}" ${verdict}`,
        body: `${approver.name}: ${decision.replace('_', ' ')} at "${rule.name}".${comment ? ` ${comment}` : ''}`,
        ...this.link(deliverable),
      });
    }
    return approver;
  }

  /** Still waiting at `step` now; the overdue job has escalated it once its SLA passed. */
  private wait(
    deliverable: DeliverableSim,
    version: VersionSim,
    step: number,
    stepStart: Instant,
    slaDue: Instant,
  ): void {
    deliverable.status = 'in_review';
    deliverable.currentStep = step;
    deliverable.reviewStartedAt = stepStart;
    version.closedAt = this.ctx.now;
    const rule = this.steps[step] as ApprovalStepDto;
    // The overdue job (every 15 minutes) has raised it once its SLA passed.
    if (this.ctx.now >= slaDue) {
      this.escalate(deliverable, step, rule, slaDue, this.ctx.now);
      deliverable.escalatedStep = step;
    }
  }

  private escalate(
    deliverable: DeliverableSim,
    step: number,
    rule: ApprovalStepDto,
    slaDue: Instant,
    before: Instant,
  ): void {
    const { ctx } = this;
    const at = slaDue + this.random.between(0, Math.min(15 * 60 * 1000, before - slaDue));
    ctx.activity.record(at, null, 'deliverable.review_overdue', 'deliverable', deliverable.id, null, {
      step,
      stepName: rule.name,
      slaHours: rule.slaHours,
      dueAt: new Date(slaDue).toISOString(),
    });
    deliverable.updatedAt = Math.max(deliverable.updatedAt, at);
    if (ctx.activity.recent(at)) {
      ctx.activity.notifyAndMail(at, [...this.approvers(rule, at), this.run.contract.agency.owner], {
        kind: 'review_overdue',
        title: `Review overdue: "${deliverable.title}"`,
        body: `"${rule.name}" has waited more than ${rule.slaHours} h for a decision.`,
        ...this.link(deliverable),
      });
    }
  }

  private publish(deliverable: DeliverableSim, approvedAt: Instant): void {
    const { random, run, ctx } = this;
    if (!random.chance(0.75)) return;
    const at = approvedAt + random.logNormal(2 * DAY, 0.8);
    if (at >= run.stop) return;
    const publisher = pickActive(random, run.contract.agency.users, at) ?? run.contract.owner;
    deliverable.status = 'published';
    deliverable.publishedAt = at;
    deliverable.postUrl = postUrl(random, deliverable.channel, deliverable.id);
    deliverable.updatedAt = at;
    ctx.activity.record(
      at,
      publisher,
      'deliverable.published',
      'deliverable',
      deliverable.id,
      { status: 'approved' },
      {
        status: 'published',
        postUrl: deliverable.postUrl,
      },
    );
  }

  /**
   * Active users who may decide a step: the role's in-house members, the named people and the
   * contract's owner when the step is theirs, less whoever decided an earlier step of the version
   * (`earlier`) unless the step allows it (the shared stepRefusal rule).
   */
  private approvers(step: ApprovalStepDto, at: Instant, earlier: readonly UserPlan[] = []): UserPlan[] {
    let candidates = CANDIDATES.get(step);
    if (!candidates) {
      const byRole = step.approverRole ? staffOf(this.ctx, step.approverRole) : [];
      const named = this.ctx.org.users.filter((user) => step.approverUserIds.includes(user.id));
      candidates = [...new Set([...byRole, ...named])];
      CANDIDATES.set(step, candidates);
    }
    const owner = step.contractOwner ? [this.run.contract.owner] : [];
    const barred = step.allowEarlierApprovers ? [] : earlier;
    const people = [...new Set([...candidates, ...owner])].filter(
      (user) => activeAt(user, at) && !barred.includes(user),
    );
    if (people.length === 0) throw new Error(`nobody can decide "${step.name}"`);
    return people;
  }

  private link(deliverable: DeliverableSim) {
    return { link: `/deliverables/${deliverable.id}`, entity: 'deliverable', entityId: deliverable.id };
  }
}
