import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import type {
  CommentDto,
  CreateCommentRequest,
  CreateDerivedDeliverableRequest,
  Decision,
  DeliverableAction,
  DeliverableDetailDto,
  SubmitVersionRequest,
} from '@agency-portal/shared';
import { MAX_PAGE_SIZE, isAgencyRole } from '@agency-portal/shared';
import { CHANNEL_LABELS, DELIVERABLE_STATUS_LABELS } from '../../shared/i18n/labels';
import { filter, map, switchMap } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { describeError } from '../../core/http/api-error';
import { Notifier } from '../../core/notify/notifier';
import { LoadError } from '../../shared/ui/load-error';
import { createMutation } from '../../shared/ui/mutation';
import { StatusChip } from '../../shared/ui/status-chip';
import { Lookups, lookupNames } from '../../core/lookups/lookups';
import { openDecisionDialog } from './decision-dialog';
import { DecisionBar } from './decision-bar';
import { DELIVERABLE_STATUS_TONES } from './deliverable-labels';
import { DeliverableService } from './deliverable.service';
import { openDerivativeDialog } from './derivative-dialog';
import { PublishForm } from './publish-form';
import { RequestedChanges } from './requested-changes';
import { ReviewPanel } from './review-panel';
import { UploadPanel } from './upload-panel';
import { VersionReview } from './version-review';

const DECIDED_MESSAGES: Record<Decision, string> = {
  approve: 'Approved.',
  request_changes: $localize`Changes requested. The agency has been told.`,
  reject: 'Rejected.',
};

const CONFLICT_MESSAGE = $localize`Someone decided first. The page now shows where the review stands.`;

/**
 * /deliverables/:id: the deliverable with its lineage, every version (copy text, files with
 * previews, pinned comments), its review (policy, steps, decisions, full history), the agency's
 * upload of the next version and, once approved, publishing.
 */
@Component({
  selector: 'ap-deliverable-detail-page',
  imports: [
    DecisionBar,
    LocalDatePipe,
    LoadError,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    MatTabsModule,
    PublishForm,
    RequestedChanges,
    ReviewPanel,
    RouterLink,
    StatusChip,
    UploadPanel,
    VersionReview,
  ],
  templateUrl: './deliverable-detail-page.html',
  styleUrl: './deliverable-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeliverableDetailPage {
  /** Route parameter. */
  readonly id = input.required<string>();

  private readonly auth = inject(AuthService);
  private readonly deliverables = inject(DeliverableService);
  private readonly lookups = inject(Lookups);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  protected readonly statusLabels = DELIVERABLE_STATUS_LABELS;
  protected readonly statusTones = DELIVERABLE_STATUS_TONES;
  protected readonly channelLabels = CHANNEL_LABELS;

  protected readonly deliverable = createLoader(
    () => this.id(),
    (id) => this.deliverables.get(id),
  );
  /** In-house readers of users see the names of approvers assigned by name. */
  protected readonly userNames = lookupNames(
    () => {
      const user = this.auth.user();
      return user && !isAgencyRole(user.role) && this.auth.hasPermission('user:read')
        ? this.lookups.users
        : null;
    },
    () => (this.deliverable.value()?.policy.steps ?? []).flatMap((step) => step.approverUserIds),
  );

  /** Index into the versions (newest first) of the version on screen. */
  protected readonly selectedIndex = signal(0);
  protected readonly selectedVersion = computed(() => {
    const versions = this.deliverable.value()?.versions ?? [];
    return versions[Math.min(this.selectedIndex(), versions.length - 1)] ?? null;
  });
  private readonly selectedVersionId = computed(() => this.selectedVersion()?.id);
  protected readonly comments = createLoader(
    () => this.selectedVersionId(),
    (versionId) =>
      this.deliverables
        .comments(versionId, { limit: MAX_PAGE_SIZE })
        .pipe(map((page) => ({ versionId, comments: page.items, nextCursor: page.nextCursor }))),
  );
  /** A version with more threads than one page: the rest load on request. */
  protected readonly moreComments = computed(() => {
    const loaded = this.comments.value();
    return !!loaded && loaded.versionId === this.selectedVersionId() && loaded.nextCursor !== null;
  });
  protected readonly loadingMoreComments = createMutation();
  protected readonly visibleComments = computed<CommentDto[]>(() => {
    const loaded = this.comments.value();
    return loaded && loaded.versionId === this.selectedVersionId() ? loaded.comments : [];
  });

  protected readonly canComment = computed(() => this.auth.hasPermission('comment:write'));
  protected readonly reader = computed(() => {
    const user = this.auth.user();
    return user ? { id: user.id, role: user.role } : null;
  });
  /** What the API says this person may do with the deliverable now (`allowedActions`). */
  private readonly allows = (action: DeliverableAction) =>
    computed(() => this.deliverable.value()?.allowedActions.includes(action) ?? false);
  protected readonly canDecide = this.allows('decide');
  /** The step the latest version waits at. */
  protected readonly currentStepName = computed(() => {
    const deliverable = this.deliverable.value();
    const step = deliverable?.currentStep;
    return deliverable && step !== null && step !== undefined
      ? (deliverable.policy.steps[step]?.name ?? '')
      : '';
  });
  protected readonly canUpload = this.allows('submit_version');
  protected readonly canPublish = this.allows('publish');
  /** Both sides may cut a master asset down for another channel while its brief is running. */
  protected readonly canCreateCutDown = this.allows('derive');
  protected readonly nextVersionNumber = computed(
    () => (this.deliverable.value()?.versions[0]?.number ?? 0) + 1,
  );

  protected readonly deciding = createMutation();
  protected readonly conflictMessage = signal<string | null>(null);
  protected readonly submitting = createMutation();
  protected readonly publishing = createMutation();
  protected readonly posting = createMutation();
  protected readonly posted = signal(0);

  protected selectVersion(index: number): void {
    this.selectedIndex.set(index);
  }

  protected decideOnLatest(decision: Decision, deliverable: DeliverableDetailDto): void {
    const latest = deliverable.versions[0];
    const stepIndex = deliverable.currentStep;
    if (!latest || stepIndex === null) {
      return;
    }
    this.conflictMessage.set(null);
    // Every decision is confirmed in the dialog, approving too (its comment is optional there).
    openDecisionDialog(this.dialog, {
      decision,
      versionNumber: latest.number,
      stepName:
        deliverable.policy.steps[stepIndex]?.name ??
        $localize`:An approval step without a name@@step.unnamed:Step ${stepIndex + 1}:number:`,
    })
      .pipe(filter((comment): comment is string => comment !== undefined))
      .subscribe((comment) =>
        this.postDecision(deliverable, { versionId: latest.id, stepIndex, decision, comment }),
      );
  }

  protected createCutDown(deliverable: DeliverableDetailDto): void {
    openDerivativeDialog(this.dialog, { masterTitle: deliverable.title, dueDate: deliverable.dueDate })
      .pipe(
        filter((request): request is CreateDerivedDeliverableRequest => !!request),
        switchMap((request) => this.deliverables.createDerivative(deliverable.id, request)),
      )
      .subscribe({
        next: (created) => {
          this.notifier.success(
            $localize`:A deliverable cut down from another for a different channel@@cutDown.created:Cut-down “${created.title}:title:” created.`,
          );
          this.deliverable.reload();
        },
        error: (error: unknown) => this.notifier.error(describeError(error)),
      });
  }

  protected submitNewVersion(request: SubmitVersionRequest, deliverable: DeliverableDetailDto): void {
    this.submitting.run(this.deliverables.submitVersion(deliverable.id, request), {
      next: (updated) => {
        this.selectedIndex.set(0);
        this.deliverable.set(updated);
        this.notifier.success(
          $localize`Version ${updated.versions[0]?.number ?? ''}:number: submitted for review.`,
        );
      },
    });
  }

  protected publishDeliverable(postUrl: string, deliverable: DeliverableDetailDto): void {
    this.publishing.run(this.deliverables.publish(deliverable.id, { postUrl }), {
      next: (updated) => {
        this.deliverable.set(updated);
        this.notifier.success(
          $localize`:A deliverable was published with its post URL@@deliverable.publishedNotice:Published.`,
        );
      },
    });
  }

  protected addComment(request: CreateCommentRequest): void {
    const versionId = this.selectedVersionId();
    if (!versionId) {
      return;
    }
    this.posting.run(this.deliverables.addComment(versionId, request), {
      next: (comment) => {
        this.replaceComment(versionId, comment);
        this.posted.update((count) => count + 1);
      },
      error: (_body, error) => this.notifier.error(describeError(error)),
    });
  }

  protected resolveComment(commentId: string): void {
    const versionId = this.selectedVersionId();
    if (versionId) {
      this.deliverables
        .resolveComment(commentId)
        .subscribe((comment) => this.replaceComment(versionId, comment));
    }
  }

  protected reopenComment(commentId: string): void {
    const versionId = this.selectedVersionId();
    if (versionId) {
      this.deliverables
        .reopenComment(commentId)
        .subscribe((comment) => this.replaceComment(versionId, comment));
    }
  }

  private postDecision(
    deliverable: DeliverableDetailDto,
    request: { versionId: string; stepIndex: number; decision: Decision; comment?: string },
  ): void {
    this.deciding.run(this.deliverables.decide(deliverable.id, request), {
      next: (updated) => {
        this.deliverable.set(updated);
        this.notifier.success(DECIDED_MESSAGES[request.decision]);
      },
      error: (body, error) => {
        if (body.code === 'conflict') {
          // Exactly one decision counts: show what the other one did.
          this.conflictMessage.set(CONFLICT_MESSAGE);
          this.deliverable.reload();
        } else {
          this.notifier.error(describeError(error));
        }
      },
    });
  }

  protected loadMoreComments(): void {
    const loaded = this.comments.value();
    if (!loaded?.nextCursor || this.loadingMoreComments.pending()) return;
    const { versionId, nextCursor } = loaded;
    this.loadingMoreComments.run(
      this.deliverables.comments(versionId, { limit: MAX_PAGE_SIZE, cursor: nextCursor }),
      {
        next: (page) => {
          const current = this.comments.value();
          if (current?.versionId !== versionId) return;
          const known = new Set(current.comments.map((comment) => comment.id));
          this.comments.set({
            versionId,
            comments: [...current.comments, ...page.items.filter((comment) => !known.has(comment.id))],
            nextCursor: page.nextCursor,
          });
        },
        error: (_body, error) => this.notifier.error(describeError(error)),
      },
    );
  }

  private replaceComment(versionId: string, comment: CommentDto): void {
    const loaded = this.comments.value();
    if (!loaded || loaded.versionId !== versionId) {
      return;
    }
    const others = loaded.comments.filter((candidate) => candidate.id !== comment.id);
    this.comments.set({ ...loaded, comments: [...others, comment] });
  }
}
