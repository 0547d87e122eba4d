import {
  applyDecision,
  canSubmitVersion,
  type ApprovalStepDto,
  type Channel,
  type CommentPin,
  type Decision,
  type DeliverableStatus,
} from '@agency-portal/shared';
import { type Json, TableBuffer } from '../copy';
import {
  activeAt,
  pickActive,
  staffOf,
  type ContractPlan,
  type RateItemPlan,
  type SeedContext,
  type UserPlan,
} from '../context';
import { CHANNEL_NAMES } from '../labels';
import type { Random } from '../random';
import { POST_SAMPLES, type SampleFile } from '../storage';
import { TABLES } from '../tables';
import { AGENCY_REPLIES, CHANGE_REQUESTS, COPY_LINES, REJECTIONS, REVIEW_COMMENTS, slugOf } from '../text';
import { DAY, HOUR, type Instant } from '../time';

export interface SpecPlan {
  id: string;
  position: number;
  item: RateItemPlan;
  quantity: number;
  dueDate: string;
  channel: Channel | null;
}

/** One accepted brief's run: from acceptance until now, or until it was cancelled (`stop`). */
export interface BriefRun {
  briefId: string;
  contract: ContractPlan;
  goalIds: string[];
  specs: SpecPlan[];
  acceptedAt: Instant;
  /** Nothing happens at or after it; a cancellation lets reviews in flight finish just before. */
  stop: Instant;
  cancelled: boolean;
  /** Cut-downs of master assets planned for this brief. */
  derivatives: number;
}

export interface RunResult {
  /** The first version submitted under the brief (the brief then went in progress). */
  firstSubmission: { at: Instant; by: UserPlan } | null;
  /** When every deliverable had reached approved, published or rejected; null while any has not. */
  allDoneAt: Instant | null;
  deliverables: number;
  lastActivity: Instant;
}

/** The rows of one batch of briefs, in the order they are written. */
export class WorkBuffers {
  readonly briefs = new TableBuffer(TABLES.briefs);
  readonly briefGoals = new TableBuffer(TABLES.briefGoals);
  readonly specs = new TableBuffer(TABLES.specs);
  readonly deliverables = new TableBuffer(TABLES.deliverables);
  readonly versions = new TableBuffer(TABLES.versions);
  readonly currentVersions = new TableBuffer(TABLES.currentVersions);
  readonly files = new TableBuffer(TABLES.storedFiles);
  readonly decisions = new TableBuffer(TABLES.decisions);
  readonly comments = new TableBuffer(TABLES.comments);
}

interface FileSim {
  id: string;
  sample: SampleFile;
}

interface VersionSim {
  id: string;
  number: number;
  at: Instant;
  by: UserPlan;
  files: FileSim[];
  /** Who decided at which step: the people who may comment on it. */
  deciders: UserPlan[];
  /** When the version stopped being the one under review (a decision, or now). */
  closedAt: Instant;
  outcome: Decision | 'pending';
}

interface DeliverableSim {
  id: string;
  title: string;
  spec: SpecPlan;
  channel: Channel | null;
  createdAt: Instant;
  dueDate: string;
  derivedFrom: DeliverableSim | null;
  status: DeliverableStatus;
  versions: VersionSim[];
  currentStep: number | null;
  reviewStartedAt: Instant | null;
  escalatedStep: number | null;
  approvedAt: Instant | null;
  publishedAt: Instant | null;
  postUrl: string | null;
  doneAt: Instant | null;
  updatedAt: Instant;
}

const MAX_VERSIONS = 6;

/** Who may decide each policy step, worked out once per step. */
const CANDIDATES = new WeakMap<ApprovalStepDto, UserPlan[]>();

/** Probabilities of approve / request changes / reject, by step and round. */
function outcome(random: Random, step: number, version: number): Decision {
  if (version >= MAX_VERSIONS) return 'approve';
  if (step === 0 && version === 1)
    return random.weighted([
      ['approve', 62],
      ['request_changes', 34],
      ['reject', 4],
    ] as const);
  if (step === 0)
    return random.weighted([
      ['approve', 80],
      ['request_changes', 19],
      ['reject', 1],
    ] as const);
  return random.weighted([
    ['approve', 86],
    ['request_changes', 13],
    ['reject', 1],
  ] as const);
}

function postUrl(random: Random, channel: Channel | null, id: string): string {
  const digits = (count: number) => Array.from({ length: count }, () => random.int(0, 9)).join('');
  const code = id.replace(/-/g, '').slice(0, 11);
  switch (channel) {
    case 'instagram':
      return `https://www.instagram.com/p/${code}/`;
    case 'tiktok':
      return `https://www.tiktok.com/@brand/video/${digits(19)}`;
    case 'youtube':
      return `https://www.youtube.com/shorts/${code}`;
    case 'x':
      return `https://x.com/brand/status/${digits(19)}`;
    case 'facebook':
      return `https://www.facebook.com/brand/posts/${digits(16)}`;
    case 'linkedin':
      return `https://www.linkedin.com/feed/update/urn:li:activity:${digits(19)}/`;
    default:
      return `https://brand.example/${channel ?? 'social'}/${code}`;
  }
}

/**
 * Plays an accepted brief's deliverables through the review workflow with the shared rules
 * (canSubmitVersion, applyDecision): versions, files, decisions, comments, publication and
 * cut-downs, stopping at `now` (or at the brief's cancellation). Whatever the rows say is the
 * state the app reaches by the same steps, and every event leaves its audit record and notices.
 */
export class ReviewSimulation {
  private readonly steps: ApprovalStepDto[];

  constructor(
    private readonly ctx: SeedContext,
    private readonly random: Random,
    private readonly run: BriefRun,
    private readonly out: WorkBuffers,
  ) {
    this.steps = run.contract.policy.steps;
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
    for (const deliverable of all) this.write(deliverable);
    return {
      firstSubmission,
      allDoneAt: done ? Math.max(...all.map((deliverable) => deliverable.doneAt as number)) : null,
      deliverables: all.length,
      lastActivity: Math.max(...all.map((deliverable) => deliverable.updatedAt)),
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
        // Most decisions come within the SLA; some stall for days with a busy reviewer, and a
        // few sit in the queue for weeks: the backlog every large review queue has.
        const wait = random.weighted([
          [random.logNormal(rule.slaHours * 0.45 * HOUR, 0.9), 80],
          [random.logNormal(6 * DAY, 0.7), 13],
          [random.logNormal(45 * DAY, 0.8), 7],
        ] as const);
        let decidedAt = stepStart + wait;
        if (decidedAt >= run.stop) {
          if (!run.cancelled) {
            this.wait(deliverable, version, step, stepStart, slaDue);
            return;
          }
          // The brief is about to be cancelled: whoever reviews decides before it is.
          decidedAt = stepStart + (run.stop - stepStart) * random.between(0.3, 0.95);
        }
        if (decidedAt > slaDue + 15 * 60 * 1000) this.escalate(deliverable, step, rule, slaDue);
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
      files: this.filesFor(deliverable.spec.item),
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
      ctx.activity.notifyAndMail(at, [...this.approvers(first, at), this.run.contract.owner], {
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
    const eligible = this.approvers(rule, at);
    const approver = random.weighted(eligible.map((user) => [user, user.weight] as const));
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
    if (this.ctx.now > slaDue + 15 * 60 * 1000) {
      this.escalate(deliverable, step, rule, slaDue);
      deliverable.escalatedStep = step;
    }
  }

  private escalate(deliverable: DeliverableSim, step: number, rule: ApprovalStepDto, slaDue: Instant): void {
    const { ctx } = this;
    const at = slaDue + this.random.between(0, 15 * 60 * 1000);
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

  /** Active users who may decide a step: the role's in-house members and the named people. */
  private approvers(step: ApprovalStepDto, at: Instant): UserPlan[] {
    let candidates = CANDIDATES.get(step);
    if (!candidates) {
      const byRole = step.approverRole ? staffOf(this.ctx, step.approverRole) : [];
      const named = this.ctx.org.users.filter((user) => step.approverUserIds.includes(user.id));
      candidates = [...new Set([...byRole, ...named])];
      CANDIDATES.set(step, candidates);
    }
    const people = candidates.filter((user) => activeAt(user, at));
    if (people.length === 0) throw new Error(`nobody can decide "${step.name}"`);
    return people;
  }

  private link(deliverable: DeliverableSim) {
    return { link: `/deliverables/${deliverable.id}`, entity: 'deliverable', entityId: deliverable.id };
  }

  private filesFor(item: RateItemPlan): FileSim[] {
    const { random, ctx } = this;
    const post = () => ctx.storage.sample(random.pick(POST_SAMPLES));
    const samples: SampleFile[] = [];
    if (random.chance(0.01)) return [];
    switch (item.kind) {
      case 'video':
        samples.push(ctx.storage.sample(random.chance(0.8) ? 'reel-mp4' : 'reel-webm'));
        if (random.chance(0.3)) samples.push(post());
        if (random.chance(0.1)) samples.push(ctx.storage.sample('storyboard'));
        break;
      case 'carousel':
        for (let frame = random.int(2, 4); frame > 0; frame--) samples.push(post());
        break;
      case 'image':
        samples.push(post());
        if (random.chance(0.1)) samples.push(post());
        break;
      case 'document':
      case 'service':
        samples.push(ctx.storage.sample(random.chance(0.7) ? 'report' : 'storyboard'));
        break;
    }
    return samples.map((sample) => ({ id: random.uuid(), sample }));
  }

  /** Rows for the deliverable, its versions, files and comments (decisions were written as they were made). */
  private write(deliverable: DeliverableSim): void {
    const { out, ctx, random } = this;
    const current = deliverable.versions.at(-1) ?? null;
    out.deliverables.push({
      id: deliverable.id,
      brief_id: this.run.briefId,
      spec_id: deliverable.spec.id,
      title: deliverable.title,
      channel: deliverable.channel,
      due_date: deliverable.dueDate,
      derived_from_id: deliverable.derivedFrom?.id ?? null,
      status: deliverable.status,
      current_version_id: ctx.checksAtEnd ? (current?.id ?? null) : null,
      current_step: deliverable.status === 'in_review' ? deliverable.currentStep : null,
      review_started_at: deliverable.status === 'in_review' ? deliverable.reviewStartedAt : null,
      escalated_step: deliverable.status === 'in_review' ? deliverable.escalatedStep : null,
      review_policy: current ? (this.run.contract.policy as unknown as Json) : null,
      post_url: deliverable.postUrl,
      published_at: deliverable.publishedAt,
      created_at: deliverable.createdAt,
      updated_at: deliverable.updatedAt,
    });
    if (current && !ctx.checksAtEnd)
      out.currentVersions.push({ deliverable_id: deliverable.id, version_id: current.id });
    const slug = slugOf(deliverable.title);
    deliverable.versions.forEach((version, index) => {
      out.versions.push({
        id: version.id,
        deliverable_id: deliverable.id,
        number: version.number,
        copy_text: random.pick(COPY_LINES),
        uploaded_by: version.by.id,
        submitted_at: version.at,
      });
      const uploadedFrom = Math.max(deliverable.createdAt, version.at - 3 * HOUR);
      version.files.forEach((file, position) => {
        const key = ctx.storage.keyFor('deliverables', file.id);
        out.files.push({
          id: file.id,
          storage_key: key,
          original_name: `${slug}-v${version.number}${version.files.length > 1 ? `-${position + 1}` : ''}.${file.sample.extension}`,
          content_type: file.sample.contentType,
          size_bytes: file.sample.bytes,
          sha256: file.sample.sha256,
          uploaded_by: version.by.id,
          deliverable_id: deliverable.id,
          version_id: version.id,
          created_at: random.between(uploadedFrom, version.at),
        });
        ctx.storage.place(key, file.sample);
      });
      this.comment(deliverable, version, deliverable.versions[index + 1] ?? null);
    });
    ctx.deliverables.push({
      id: deliverable.id,
      briefId: this.run.briefId,
      contract: this.run.contract,
      rateItem: deliverable.spec.item,
      goalIds: this.run.goalIds,
      channel: deliverable.channel,
      status: deliverable.status,
      derivedFromId: deliverable.derivedFrom?.id ?? null,
      approvedAt: deliverable.approvedAt,
      publishedAt: deliverable.publishedAt,
      versions: deliverable.versions.length,
    });
  }

  /** Review comments on a version (pinned to its files), agency replies, and resolutions. */
  private comment(deliverable: DeliverableSim, version: VersionSim, next: VersionSim | null): void {
    const { random, ctx, out } = this;
    const reviewers = version.deciders.length > 0 ? version.deciders : [this.run.contract.owner];
    const count =
      version.outcome === 'request_changes' || version.outcome === 'reject'
        ? random.int(1, 2)
        : version.outcome === 'approve'
          ? random.weighted([
              [0, 60],
              [1, 30],
              [2, 10],
            ] as const)
          : random.weighted([
              [0, 50],
              [1, 35],
              [2, 15],
            ] as const);
    const from = version.at + 5 * 60 * 1000;
    const until = Math.min(ctx.now, version.closedAt);
    if (from >= until) return;
    for (let index = 0; index < count; index++) {
      const author = random.pick(reviewers);
      if (!activeAt(author, from)) continue;
      const at = random.between(from, until);
      const pinned = index === 0 || random.chance(0.4);
      const file = version.files.length > 0 && pinned ? random.pick(version.files) : null;
      const pin = file ? this.pinOn(file) : null;
      const id = random.uuid();
      const resolution = this.resolution(version, next, at);
      out.comments.push({
        id,
        version_id: version.id,
        parent_id: null,
        author_id: author.id,
        body:
          index === 0 && version.outcome === 'request_changes'
            ? random.pick(CHANGE_REQUESTS)
            : random.pick(REVIEW_COMMENTS),
        pin: pin as Json,
        resolved_at: resolution?.at ?? null,
        resolved_by: resolution?.by.id ?? null,
        created_at: at,
      });
      ctx.activity.record(at, author, 'comment.created', 'comment', id, null, {
        versionId: version.id,
        parentId: null,
        pin: pin as Json,
      });
      if (resolution) {
        ctx.activity.record(
          resolution.at,
          resolution.by,
          'comment.resolved',
          'comment',
          id,
          { resolved: false },
          { resolved: true },
        );
      }
      // The agency answers some of them.
      const replyAt = at + random.logNormal(4 * HOUR, 1);
      const replier = pickActive(random, this.run.contract.agency.users, replyAt);
      if (replier && replyAt < Math.min(ctx.now, next?.at ?? Infinity) && random.chance(0.3)) {
        const replyId = random.uuid();
        out.comments.push({
          id: replyId,
          version_id: version.id,
          parent_id: id,
          author_id: replier.id,
          body: random.pick(AGENCY_REPLIES),
          pin: null,
          resolved_at: null,
          resolved_by: null,
          created_at: replyAt,
        });
        ctx.activity.record(replyAt, replier, 'comment.created', 'comment', replyId, null, {
          versionId: version.id,
          parentId: id,
          pin: null,
        });
      }
    }
  }

  /** Comments on a superseded version were mostly resolved by the agency with the next one. */
  private resolution(
    version: VersionSim,
    next: VersionSim | null,
    at: Instant,
  ): { at: Instant; by: UserPlan } | null {
    const { random, ctx } = this;
    if (next && random.chance(0.9)) {
      return { at: Math.min(ctx.now, Math.max(at + 60_000, next.at - random.between(0, HOUR))), by: next.by };
    }
    if (!next && version.outcome === 'approve' && random.chance(0.5)) {
      const by = version.deciders.at(-1) as UserPlan;
      const resolvedAt = Math.min(ctx.now, version.closedAt + random.between(60_000, HOUR));
      return resolvedAt > at && activeAt(by, resolvedAt) ? { at: resolvedAt, by } : null;
    }
    return null;
  }

  private pinOn(file: FileSim): CommentPin {
    const { random } = this;
    const x = Math.round(random.between(0.05, 0.95) * 1000) / 1000;
    const y = Math.round(random.between(0.05, 0.95) * 1000) / 1000;
    if (file.sample.contentType.startsWith('video/')) {
      return {
        kind: 'timecode',
        seconds: Math.round(random.between(0, file.sample.seconds ?? 1) * 10) / 10,
        fileId: file.id,
      };
    }
    if (file.sample.contentType === 'application/pdf') {
      return { kind: 'point', x, y, page: random.int(1, file.sample.pages ?? 1), fileId: file.id };
    }
    return { kind: 'point', x, y, fileId: file.id };
  }
}
