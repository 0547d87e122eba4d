import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject, input } from '@angular/core';
import type { CommentDto, CommentPin, StoredFileDto } from '@agency-portal/shared';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { describePin } from './comments-panel';
import { threadNumbers } from './pins';

/**
 * A version's comments to read beside its preview when comparing: threads numbered as their pins
 * are ("Comment 2"), each with its replies, where it is pinned, and whether it was resolved.
 */
@Component({
  selector: 'ap-version-comments',
  imports: [LocalDatePipe],
  template: `
    @if (threads().length === 0) {
      <p i18n="A compared version has no comments@@compare.noComments" class="ap-hint">
        No comments on this version.
      </p>
    } @else {
      <ol class="ap-vc" [attr.aria-label]="label()">
        @for (thread of threads(); track thread.comment.id) {
          <li class="ap-vc__thread" [class.ap-vc__thread--resolved]="thread.comment.resolved">
            <p class="ap-vc__head">
              <span
                i18n="A numbered comment thread, as its pin is numbered@@compare.commentNumber"
                class="ap-vc__number"
                >Comment {{ thread.number }}</span
              >
              · {{ thread.comment.author.name }} · {{ thread.comment.createdAt | localDate: 'dateTime' }}
              @if (thread.comment.resolved) {
                · <span i18n="A resolved comment thread@@compare.resolved">Resolved</span>
              }
            </p>
            <p class="ap-vc__body">{{ thread.comment.body }}</p>
            @if (thread.comment.pin; as pin) {
              <p class="ap-hint">{{ pinText(pin) }}</p>
            }
            @if (thread.replies.length > 0) {
              <ul class="ap-vc__replies">
                @for (reply of thread.replies; track reply.id) {
                  <li>
                    <span class="ap-vc__author">{{ reply.author.name }}:</span> {{ reply.body }}
                  </li>
                }
              </ul>
            }
          </li>
        }
      </ol>
    }
    @if (more()) {
      <p i18n="A compared version has more comments than shown@@compare.moreComments" class="ap-hint">
        More comments are on the deliverable page.
      </p>
    }
  `,
  styles: `
    .ap-vc {
      display: grid;
      gap: 12px;
      margin: 0;
      padding: 0;
      list-style: none;
      overflow-wrap: anywhere;
    }
    .ap-vc__thread--resolved {
      opacity: 0.7;
    }
    .ap-vc__head,
    .ap-vc__body {
      margin: 0;
    }
    .ap-vc__number,
    .ap-vc__author {
      font-weight: 600;
    }
    .ap-vc__body {
      white-space: pre-wrap;
    }
    .ap-vc__replies {
      margin: 4px 0 0;
      padding-inline-start: 20px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VersionComments {
  readonly comments = input.required<readonly CommentDto[]>();
  readonly files = input.required<readonly StoredFileDto[]>();
  readonly label = input.required<string>();
  /** Whether the version has comments beyond those given. */
  readonly more = input(false);

  private readonly locale = inject(LOCALE_ID);

  protected readonly threads = computed(() => {
    const comments = this.comments();
    const numbers = threadNumbers(comments);
    return comments
      .filter((comment) => comment.parentId === null)
      .map((comment) => ({
        comment,
        number: numbers.get(comment.id) ?? 0,
        replies: comments.filter((reply) => reply.parentId === comment.id),
      }))
      .sort((a, b) => a.number - b.number);
  });

  protected pinText(pin: CommentPin): string {
    return describePin(pin, this.files(), this.locale);
  }
}
