import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { InvitationDto, UpdateUserRequest, UserDto } from '@agency-portal/shared';
import { assignableRoles, isAgencyRole } from '@agency-portal/shared';
import { ROLE_LABELS } from '../../shared/i18n/labels';
import type { Observable } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { Notifier } from '../../core/notify/notifier';
import { openConfirmDialog } from '../../shared/ui/confirm-dialog';
import { LoadError } from '../../shared/ui/load-error';
import { createMutation } from '../../shared/ui/mutation';
import { InvitationLinkPanel } from './invitation-link-panel';
import { UserEditForm } from './user-edit-form';
import { USER_STATUS_LABELS, userStatus } from './user-status';
import { UserService } from './user.service';

/** /users/:id: a person's account, with edit, deactivate/reactivate and a new invitation link. */
@Component({
  selector: 'ap-user-detail-page',
  imports: [
    LocalDatePipe,
    InvitationLinkPanel,
    LoadError,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    RouterLink,
    UserEditForm,
  ],
  templateUrl: './user-detail-page.html',
  styleUrl: './user-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserDetailPage {
  /** Route parameter. */
  readonly id = input.required<string>();

  private readonly auth = inject(AuthService);
  private readonly users = inject(UserService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly statusLabels = USER_STATUS_LABELS;
  protected readonly user = createLoader(
    () => this.id(),
    (id) => this.users.get(id),
  );
  protected readonly status = computed(() => {
    const user = this.user.value();
    return user ? userStatus(user) : null;
  });
  protected readonly canManage = computed(() => this.auth.hasPermission('user:manage'));
  protected readonly isSelf = computed(() => this.auth.user()?.id === this.id());
  /** Roles this user may be given: assignable by me, and of the same kind (in-house or agency). */
  protected readonly roleOptions = computed(() => {
    const me = this.auth.user();
    const user = this.user.value();
    if (!me || !user) {
      return [];
    }
    return assignableRoles(me.role).filter((role) => isAgencyRole(role) === isAgencyRole(user.role));
  });
  protected readonly canPickUnit = computed(
    () => this.canManage() && this.auth.hasPermission('business_unit:read'),
  );
  protected readonly saving = createMutation();
  protected readonly busy = createMutation();
  protected readonly invitation = signal<InvitationDto | null>(null);

  protected saveUser(request: UpdateUserRequest): void {
    this.saving.run(this.users.update(this.id(), request), {
      next: (updated) => {
        this.user.set(updated);
        this.notifier.success($localize`Changes saved.`);
      },
    });
  }

  protected deactivateUser(user: UserDto): void {
    this.confirmThen(
      {
        title: $localize`Deactivate ${user.name}:name:?`,
        message: $localize`They are signed out at once and can no longer sign in. You can reactivate them later.`,
        confirmLabel: $localize`Deactivate`,
        destructive: true,
      },
      () => this.users.deactivate(user.id),
      $localize`${user.name}:name: has been deactivated.`,
    );
  }

  protected reactivateUser(user: UserDto): void {
    this.confirmThen(
      {
        title: $localize`Reactivate ${user.name}:name:?`,
        message: $localize`They can sign in again with their password.`,
        confirmLabel: $localize`Reactivate`,
      },
      () => this.users.reactivate(user.id),
      $localize`${user.name}:name: is active again.`,
    );
  }

  protected createInvitationLink(user: UserDto): void {
    this.busy.run(this.users.newInvitation(user.id), {
      next: (invitation) => {
        this.invitation.set(invitation);
        this.user.set(invitation.user);
      },
    });
  }

  protected reportCopy(copied: boolean): void {
    if (copied) {
      this.notifier.success($localize`Link copied.`);
    } else {
      this.notifier.error($localize`Could not copy the link. Select it and copy it yourself.`);
    }
  }

  private confirmThen(
    dialog: Parameters<typeof openConfirmDialog>[1],
    action: () => Observable<UserDto>,
    successMessage: string,
  ): void {
    this.busy.runConfirmed(openConfirmDialog(this.dialog, dialog), action, {
      next: (updated) => {
        this.user.set(updated);
        this.notifier.success(successMessage);
      },
    });
  }
}
