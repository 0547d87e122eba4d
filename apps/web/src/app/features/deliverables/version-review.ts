import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type {
  ApiErrorBody,
  CommentDto,
  CommentPin,
  CreateCommentRequest,
  DeliverableVersionDto,
} from '@agency-portal/shared';
import { LoadError } from '../../shared/ui/load-error';
import { CommentsPanel } from './comments-panel';
import { FilePreview } from './file-preview';
import { type PinMarker, markersByFile } from './pins';

/**
 * One version of a deliverable: who submitted it and when, its copy text, its files with previews
 * and pins, and its comment threads. Keeps the pin being placed until the comment is posted.
 */
@Component({
  selector: 'ap-version-review',
  imports: [LocalDatePipe, CommentsPanel, FilePreview, LoadError, MatButtonModule, MatProgressBarModule],
  template: `
    <p i18n class="ap-hint ap-version__submitted">
      Submitted by {{ version().uploadedBy.name }} on {{ version().submittedAt | localDate: 'dateTime' }}
    </p>
    <div class="ap-version">
      <div class="ap-version__work">
        <h3 i18n class="ap-version__heading">Copy text</h3>
        <p class="ap-multiline ap-version__copy" data-testid="version-copy">
          {{ version().copyText || '—' }}
        </p>
        <h3 i18n class="ap-version__heading">Files</h3>
        @for (file of version().files; track file.id) {
          <ap-file-preview
            [file]="file"
            [markers]="markers().get(file.id) ?? noMarkers"
            [canPin]="canComment()"
            [pinning]="pinningFileId() === file.id"
            [pendingPin]="pendingPin()?.fileId === file.id ? pendingPin() : null"
            [highlightedCommentId]="highlightedCommentId()"
            (pinningChange)="setPinning(file.id, $event)"
            (pinPlaced)="pendingPin.set($event)"
            (markerSelected)="showComment($event)"
          />
        } @empty {
          <p i18n class="ap-hint">This version has no files.</p>
        }
      </div>
      <section class="ap-version__comments" [attr.aria-labelledby]="headingId()">
        <h3 i18n class="ap-version__heading" [id]="headingId()">Comments</h3>
        <div class="ap-progress-slot">
          @if (commentsLoading()) {
            <mat-progress-bar mode="indeterminate" aria-label="Loading comments" i18n-aria-label />
          }
        </div>
        @if (commentsError(); as error) {
          <ap-load-error [error]="error" (retry)="reloadComments.emit()" />
        } @else {
          <ap-comments-panel
            [comments]="comments()"
            [files]="version().files"
            [pendingPin]="pendingPin()"
            [canComment]="canComment()"
            [posting]="posting()"
            [posted]="posted()"
            [highlightedCommentId]="highlightedCommentId()"
            (add)="addComment.emit($event)"
            (resolve)="resolveComment.emit($event)"
            (reopen)="reopenComment.emit($event)"
            (removePin)="pendingPin.set(null)"
            (showPin)="showPin($event)"
          />
          @if (moreComments()) {
            <button
              i18n="Loads the next page of a version's comments@@comments.more"
              matButton
              type="button"
              [disabled]="loadingMoreComments()"
              (click)="loadMoreComments.emit()"
            >
              Show more comments
            </button>
          }
        }
      </section>
    </div>
  `,
  styles: `
    /* Laid out by the room it gets (beside the review panel on a desktop), not by the screen. */
    :host {
      display: block;
      container-type: inline-size;
    }
    .ap-version {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr);
      gap: 24px;
      align-items: start;
    }
    .ap-version__work {
      display: flex;
      flex-direction: column;
      gap: 12px;
      min-width: 0;
    }
    .ap-version__heading {
      font: var(--mat-sys-title-medium);
    }
    .ap-version__copy {
      margin: 0;
    }
    .ap-version__submitted {
      margin: 0 0 12px;
    }
    @container (max-width: 719.98px) {
      .ap-version {
        grid-template-columns: 1fr;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VersionReview {
  readonly version = input.required<DeliverableVersionDto>();
  readonly comments = input<CommentDto[]>([]);
  readonly commentsLoading = input(false);
  readonly commentsError = input<ApiErrorBody | null>(null);
  readonly canComment = input(false);
  readonly posting = input(false);
  /** Bumped by the page each time a comment was saved. */
  readonly posted = input(0);
  readonly addComment = output<CreateCommentRequest>();
  readonly resolveComment = output<string>();
  readonly reopenComment = output<string>();
  readonly reloadComments = output();
  /** The version has more comments than were loaded. */
  readonly moreComments = input(false);
  readonly loadingMoreComments = input(false);
  readonly loadMoreComments = output();

  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  protected readonly noMarkers: PinMarker[] = [];
  protected readonly headingId = computed(() => `comments-${this.version().id}`);
  protected readonly markers = computed(() => markersByFile(this.comments()));
  protected readonly pinningFileId = signal<string | null>(null);
  protected readonly pendingPin = signal<CommentPin | null>(null);
  protected readonly highlightedCommentId = signal<string | null>(null);

  constructor() {
    // A posted comment took the pin with it.
    effect(() => {
      this.posted();
      untracked(() => {
        this.pendingPin.set(null);
        this.pinningFileId.set(null);
      });
    });
  }

  protected setPinning(fileId: string, on: boolean): void {
    this.pinningFileId.set(on ? fileId : null);
    if (!on && this.pendingPin()?.fileId === fileId) {
      this.pendingPin.set(null);
    }
  }

  /** A marker was chosen: bring its thread into view. */
  protected showComment(commentId: string): void {
    this.highlightedCommentId.set(commentId);
    this.focusAfterRender(`comment-${commentId}`);
  }

  /** "Show pin" on a thread: bring its marker into view. */
  protected showPin(commentId: string): void {
    this.highlightedCommentId.set(commentId);
    this.focusAfterRender(`pin-${commentId}`);
  }

  private focusAfterRender(elementId: string): void {
    afterNextRender(
      () => {
        const element = this.document.getElementById(elementId);
        element?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
        element?.focus({ preventScroll: true });
      },
      { injector: this.injector },
    );
  }
}
