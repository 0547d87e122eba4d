import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import type { ApiErrorBody, InvitationDto, InviteUserRequest } from '@agency-portal/shared';
import { assignableRoles, isAgencyRole } from '@agency-portal/shared';
import { AuthService } from '../../core/auth/auth.service';
import { toApiError } from '../../core/http/api-error';
import { Notifier } from '../../core/notify/notifier';
import { InvitationLinkPanel } from './invitation-link-panel';
import { InviteUserForm } from './invite-user-form';
import { UserService } from './user.service';

/** /users/invite: invite someone, then hand over their one-time set-password link. */
@Component({
  selector: 'ap-invite-user-page',
  imports: [InvitationLinkPanel, InviteUserForm, MatButtonModule, MatCardModule, MatProgressBarModule],
  template: `
    <section class="ap-page ap-page--narrow">
      <header class="ap-page-header">
        <div>
          <h1 i18n>Invite user</h1>
          <p i18n class="ap-subtitle">They get a one-time link to set their password.</p>
        </div>
      </header>

      <div class="ap-progress-slot">
        @if (saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading" i18n-aria-label />
        }
      </div>

      @if (invitation(); as sent) {
        <ap-invitation-link-panel [invitation]="sent" (copied)="reportCopy($event)">
          <div class="ap-form-actions">
            <button i18n matButton type="button" (click)="openInvitedUser(sent)">View user</button>
            <button i18n matButton="filled" type="button" (click)="inviteAnother()">Invite another</button>
          </div>
        </ap-invitation-link-panel>
      } @else {
        <mat-card appearance="outlined">
          <mat-card-content>
            <ap-invite-user-form
              [roleOptions]="roleOptions()"
              [fixedAgencyId]="fixedAgencyId()"
              [initialAgencyId]="agencyId() ?? null"
              [showBusinessUnit]="canPickUnit()"
              [saving]="saving()"
              [serverError]="serverError()"
              (invite)="inviteUser($event)"
              (cancelled)="returnToList()"
            />
          </mat-card-content>
        </mat-card>
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InviteUserPage {
  /** Query parameter: agency to preselect. */
  readonly agencyId = input<string>();

  private readonly auth = inject(AuthService);
  private readonly users = inject(UserService);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);

  private readonly me = this.auth.user;
  protected readonly roleOptions = computed(() => {
    const me = this.me();
    return me ? assignableRoles(me.role) : [];
  });
  /** Agency admins invite into their own agency only. */
  protected readonly fixedAgencyId = computed(() => {
    const me = this.me();
    return me && isAgencyRole(me.role) ? me.agencyId : null;
  });
  protected readonly canPickUnit = computed(() => this.auth.hasPermission('business_unit:read'));
  protected readonly saving = signal(false);
  protected readonly serverError = signal<ApiErrorBody | null>(null);
  protected readonly invitation = signal<InvitationDto | null>(null);

  protected inviteUser(request: InviteUserRequest): void {
    this.saving.set(true);
    this.serverError.set(null);
    this.users.invite(request).subscribe({
      next: (invitation) => {
        this.saving.set(false);
        this.invitation.set(invitation);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.serverError.set(toApiError(error));
      },
    });
  }

  protected inviteAnother(): void {
    this.invitation.set(null);
  }

  protected openInvitedUser(invitation: InvitationDto): void {
    void this.router.navigate(['/users', invitation.user.id]);
  }

  protected reportCopy(copied: boolean): void {
    if (copied) {
      this.notifier.success($localize`Link copied.`);
    } else {
      this.notifier.error($localize`Could not copy the link. Select it and copy it yourself.`);
    }
  }

  protected returnToList(): void {
    void this.router.navigate(['/users']);
  }
}
