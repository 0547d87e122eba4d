import { ClipboardModule } from '@angular/cdk/clipboard';
import { DOCUMENT } from '@angular/common';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import type { InvitationDto } from '@agency-portal/shared';

/**
 * The one-time set-password link of a new invitation, with a copy button. The link is shown
 * only here, once, so the inviting user can pass it on.
 */
@Component({
  selector: 'ap-invitation-link-panel',
  imports: [LocalDatePipe, ClipboardModule, MatButtonModule, MatCardModule],
  template: `
    <mat-card appearance="outlined" class="ap-invitation" role="region" aria-labelledby="invitation-title">
      <mat-card-content>
        <h2 i18n id="invitation-title">Invitation ready for {{ invitation().user.name }}</h2>
        <p i18n>
          {{ invitation().user.name }} ({{ invitation().user.email }}) sets a password with this one-time
          link. It expires {{ invitation().expiresAt | localDate: 'dateTime' }}.
        </p>
        @if (invitation().emailed) {
          <p i18n>We have also emailed the link to {{ invitation().user.email }}.</p>
        } @else {
          <p i18n>The link was not emailed: copy it and send it to them yourself.</p>
        }

        <div class="ap-link" role="group" aria-labelledby="invite-link-label">
          <span i18n id="invite-link-label" class="ap-link__label">Set-password link</span>
          <code class="ap-link__url" data-testid="invite-link">{{ absoluteUrl() }}</code>
          <button
            i18n
            matButton="tonal"
            type="button"
            [cdkCopyToClipboard]="absoluteUrl()"
            (cdkCopyToClipboardCopied)="copied.emit($event)"
          >
            Copy link
          </button>
        </div>
        <p i18n class="ap-link__warning">For security, this link is not shown again.</p>
        <ng-content />
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    h2 {
      margin-bottom: 8px;
      font: var(--mat-sys-title-large);
    }
    .ap-invitation {
      border-color: var(--mat-sys-primary);
    }
    .ap-link {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      margin: 16px 0 8px;
    }
    .ap-link__label {
      flex-basis: 100%;
      font: var(--mat-sys-label-large);
    }
    .ap-link__url {
      flex: 1;
      min-width: 0;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
      overflow-wrap: anywhere;
    }
    .ap-link__warning {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvitationLinkPanel {
  readonly invitation = input.required<InvitationDto>();
  /** Whether copying to the clipboard worked. */
  readonly copied = output<boolean>();

  private readonly document = inject(DOCUMENT);

  /** The API may answer with a path; people need a full address to send on. */
  protected readonly absoluteUrl = computed(
    () => new URL(this.invitation().setPasswordUrl, this.document.baseURI).href,
  );
}
