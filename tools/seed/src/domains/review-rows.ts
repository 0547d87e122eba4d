import type { CommentPin } from '@agency-portal/shared';
import type { Json } from '../copy';
import { activeAt, pickActive, type SeedContext, type UserPlan } from '../context';
import type { Random } from '../random';
import { AGENCY_REPLIES, CHANGE_REQUESTS, COPY_LINES, REVIEW_COMMENTS, slugOf } from '../text';
import { HOUR, type Instant } from '../time';
import type { BriefRun, DeliverableSim, FileSim, VersionSim, WorkBuffers } from './review-model';

/**
 * The rows a simulated deliverable leaves: the deliverable (with its policy snapshot), its
 * versions and their files (linked into storage), and the review comments on each version.
 * Decisions are written by the simulation as they are made.
 */
export class DeliverableRows {
  constructor(
    private readonly ctx: SeedContext,
    private readonly random: Random,
    private readonly run: BriefRun,
    private readonly out: WorkBuffers,
  ) {}

  /** Rows for the deliverable, its versions, files and comments (decisions were written as they were made). */
  write(deliverable: DeliverableSim): void {
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
        pin,
        resolved_at: resolution?.at ?? null,
        resolved_by: resolution?.by.id ?? null,
        created_at: at,
      });
      ctx.activity.record(at, author, 'comment.created', 'comment', id, null, {
        versionId: version.id,
        parentId: null,
        pin,
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
