import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import {
  ChangeDetectionStrategy,
  Component,
  LOCALE_ID,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { CommentDto, CommentPin, CreateCommentRequest, StoredFileDto } from '@agency-portal/shared';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';
import { notBlank } from '../../shared/forms/validators';
import { formatTimecode } from '../../shared/format/timecode';
import { threadNumbers } from './pins';
import { TEXT_LIMITS } from '@agency-portal/shared';

interface Thread {
  comment: CommentDto;
  number: number;
  replies: CommentDto[];
}

/** "on photo.jpg, 34% across and 20% down" / "an area of photo.jpg, 30% wide …" / "at 0:12 in cut.mp4". */
export function describePin(pin: CommentPin, files: readonly StoredFileDto[], locale: string): string {
  const name =
    files.find((file) => file.id === pin.fileId)?.fileName ??
    $localize`:A file whose name is not known@@pin.someFile:a file`;
  if (pin.kind === 'timecode') {
    return $localize`:Where a comment is pinned on a video@@pin.timecode:at ${formatTimecode(pin.seconds)}:timecode: in ${name}:file:`;
  }
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const across = percent.format(pin.x);
  const down = percent.format(pin.y);
  if (pin.kind === 'region') {
    const width = percent.format(pin.w);
    const height = percent.format(pin.h);
    if (pin.seconds !== undefined) {
      return $localize`:Where a comment is pinned on an area of a video frame@@pin.videoRegion:an area at ${formatTimecode(pin.seconds)}:timecode: in ${name}:file:, ${width}:width: wide and ${height}:height: high, from ${across}:across: across and ${down}:down: down`;
    }
    return pin.page
      ? $localize`:Where a comment is pinned on an area of a PDF page@@pin.pdfRegion:an area on page ${pin.page}:page: of ${name}:file:, ${width}:width: wide and ${height}:height: high, from ${across}:across: across and ${down}:down: down`
      : $localize`:Where a comment is pinned on an area of an image@@pin.imageRegion:an area of ${name}:file:, ${width}:width: wide and ${height}:height: high, from ${across}:across: across and ${down}:down: down`;
  }
  return pin.page
    ? $localize`:Where a comment is pinned on a PDF page@@pin.pdfPoint:on page ${pin.page}:page: of ${name}:file:, ${across}:across: across and ${down}:down: down`
    : $localize`:Where a comment is pinned on an image@@pin.imagePoint:on ${name}:file:, ${across}:across: across and ${down}:down: down`;
}

/**
 * A version's comment threads, numbered like their pins ("Comment 1"), with replies, Resolve and
 * Reopen, and the form to add a comment, pinned or not. The form clears when `posted` changes.
 */
@Component({
  selector: 'ap-comments-panel',
  imports: [
    LocalDatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  templateUrl: './comments-panel.html',
  styleUrl: './comments-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommentsPanel {
  readonly comments = input<CommentDto[]>([]);
  readonly files = input<StoredFileDto[]>([]);
  readonly pendingPin = input<CommentPin | null>(null);
  readonly canComment = input(false);
  readonly posting = input(false);
  /** Bumped by the page each time a comment was saved: clears the form that sent it. */
  readonly posted = input(0);
  readonly highlightedCommentId = input<string | null>(null);
  readonly add = output<CreateCommentRequest>();
  readonly resolve = output<string>();
  readonly reopen = output<string>();
  readonly removePin = output();
  readonly showPin = output<string>();

  private readonly fb = inject(NonNullableFormBuilder);
  private readonly locale = inject(LOCALE_ID);

  protected readonly form = this.fb.group({
    body: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.longText), notBlank]],
  });
  protected readonly replyForm = this.fb.group({
    body: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.longText), notBlank]],
  });
  protected readonly replyingTo = signal<string | null>(null);
  private readonly commentForm = viewChild('commentForm', { read: FormGroupDirective });
  protected readonly threads = computed<Thread[]>(() => {
    const comments = this.comments();
    const numbers = threadNumbers(comments);
    return comments
      .filter((comment) => comment.parentId === null)
      .map((comment) => ({
        comment,
        number: numbers.get(comment.id) ?? 0,
        replies: comments
          .filter((reply) => reply.parentId === comment.id)
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      }))
      .sort((a, b) => a.number - b.number);
  });
  protected readonly pendingPinText = computed(() => {
    const pin = this.pendingPin();
    return pin ? describePin(pin, this.files(), this.locale) : null;
  });
  protected readonly describePin = (pin: CommentPin): string => describePin(pin, this.files(), this.locale);

  constructor() {
    effect(() => {
      this.posted();
      untracked(() => {
        // Through the directive: it also forgets it was submitted, which a bare FormGroup.reset()
        // leaves set, so the emptied box would show "This field is required".
        const commentForm = this.commentForm();
        if (commentForm) commentForm.resetForm({ body: '' });
        else this.form.reset({ body: '' });
        this.replyForm.reset({ body: '' });
        this.replyingTo.set(null);
      });
    });
  }

  protected addComment(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.add.emit({ body: this.form.controls.body.value.trim(), pin: this.pendingPin() });
  }

  protected startReply(commentId: string): void {
    this.replyForm.reset({ body: '' });
    this.replyingTo.set(commentId);
  }

  protected postReply(parentId: string): void {
    if (this.replyForm.invalid) {
      this.replyForm.markAllAsTouched();
      return;
    }
    this.add.emit({ body: this.replyForm.controls.body.value.trim(), parentId });
  }
}
