import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type {
  CommentPin,
  DeliverableDetailDto,
  RequestedChangeDto,
  StoredFileDto,
} from '@agency-portal/shared';
import { createLoader } from '../../core/data/loader';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { LoadError } from '../../shared/ui/load-error';
import { describePin } from './comments-panel';
import { DeliverableService } from './deliverable.service';

/**
 * What the agency was asked to change, on the deliverable itself: each "request changes"
 * decision, newest first, with who asked, when, at which step and why, and the comments still open
 * on that version (pinned ones first, saying where they are pinned). Hidden while nothing was
 * requested; read again whenever the deliverable's review moves on.
 */
@Component({
  selector: 'ap-requested-changes',
  imports: [LoadError, LocalDatePipe, MatCardModule, MatProgressBarModule],
  template: `
    @if (changes.error(); as error) {
      <ap-load-error [error]="error" (retry)="changes.reload()" />
    } @else if (changes.value(); as answer) {
      @if (answer.total > 0) {
        <section aria-labelledby="requested-changes-title" data-testid="requested-changes">
          <mat-card appearance="outlined">
            <mat-card-content>
              <div class="ap-section-header">
                <h2
                  i18n="Title of the list of changes reviewers asked for@@requestedChanges.title"
                  id="requested-changes-title"
                >
                  Requested changes
                </h2>
              </div>
              <ol class="ap-requests">
                @for (request of answer.items; track request.decisionId; let newest = $first) {
                  <li class="ap-request" [class.ap-request--latest]="newest && isOpen()">
                    <p
                      i18n="
                        Who asked for changes, at which step of which version, and
                        when@@requestedChanges.heading"
                      class="ap-request__heading"
                    >
                      Version {{ request.versionNumber }} · {{ request.stepName }} ·
                      {{ request.requestedBy.name }},
                      {{ request.decidedAt | localDate: 'dateTime' }}
                    </p>
                    @if (request.comment) {
                      <blockquote class="ap-request__comment">{{ request.comment }}</blockquote>
                    }
                    @if (request.openComments.length > 0) {
                      <p
                        i18n="
                          Comments still open on the version changes were requested
                          on@@requestedChanges.openComments"
                        class="ap-request__sub"
                      >
                        Open comments on version {{ request.versionNumber }}:
                      </p>
                      <ul class="ap-request__threads">
                        @for (comment of request.openComments; track comment.id) {
                          <li>
                            <span class="ap-request__author">{{ comment.author.name }}:</span>
                            {{ comment.body }}
                            @if (comment.pin; as pin) {
                              <span class="ap-hint"> ({{ pinText(pin, request) }})</span>
                            }
                          </li>
                        }
                      </ul>
                      @if (request.openCommentCount > request.openComments.length) {
                        <p
                          i18n="More open comments than the list shows@@requestedChanges.moreComments"
                          class="ap-hint"
                        >
                          And {{ request.openCommentCount - request.openComments.length }} more open comments
                          on that version.
                        </p>
                      }
                    }
                  </li>
                }
              </ol>
              @if (answer.total > answer.items.length) {
                <p
                  i18n="More change requests than the list shows@@requestedChanges.moreRequests"
                  class="ap-hint"
                >
                  Showing the {{ answer.items.length }} newest of {{ answer.total }} requests.
                </p>
              }
            </mat-card-content>
          </mat-card>
        </section>
      }
    } @else if (changes.loading()) {
      <mat-progress-bar
        mode="indeterminate"
        aria-label="Loading the requested changes"
        i18n-aria-label="@@requestedChanges.loading"
      />
    }
  `,
  styles: `
    .ap-requests {
      display: grid;
      gap: 16px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .ap-request {
      padding-inline-start: 12px;
      border-inline-start: 4px solid var(--mat-sys-outline-variant);
    }
    .ap-request--latest {
      border-inline-start-color: var(--mat-sys-tertiary);
    }
    .ap-request__heading {
      margin: 0;
      font-weight: 600;
    }
    .ap-request__comment {
      margin: 6px 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .ap-request__sub {
      margin: 8px 0 4px;
      color: var(--mat-sys-on-surface-variant);
    }
    .ap-request__threads {
      margin: 0;
      padding-inline-start: 20px;
      overflow-wrap: anywhere;
    }
    .ap-request__author {
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RequestedChanges {
  readonly deliverable = input.required<DeliverableDetailDto>();

  private readonly service = inject(DeliverableService);
  private readonly locale = inject(LOCALE_ID);

  /** Whether the latest request still waits for a new version. */
  protected readonly isOpen = computed(() => this.deliverable().status === 'changes_requested');
  /**
   * Asked only when there is something to list: a "request changes" among the decisions the detail
   * carries, or more versions than it lists (older requests may sit there). Read again when a
   * decision or a version is added.
   */
  private readonly request = computed(
    () => {
      const current = this.deliverable();
      const requested =
        current.decisions.some((decision) => decision.decision === 'request_changes') ||
        current.versionCount > current.versions.length;
      return requested
        ? { id: current.id, key: `${current.decisions.length}:${current.versionCount}:${current.status}` }
        : undefined;
    },
    { equal: (a, b) => a?.id === b?.id && a?.key === b?.key },
  );
  protected readonly changes = createLoader(
    () => this.request(),
    ({ id }) => this.service.requestedChanges(id),
  );

  protected pinText(pin: CommentPin, request: RequestedChangeDto): string {
    const files: readonly StoredFileDto[] =
      this.deliverable().versions.find((version) => version.id === request.versionId)?.files ?? [];
    return describePin(pin, files, this.locale);
  }
}
