import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { AgencyDto } from '@agency-portal/shared';
import { AGENCY_SERVICE_LABELS } from '../../shared/i18n/labels';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { Notifier } from '../../core/notify/notifier';
import { openConfirmDialog } from '../../shared/ui/confirm-dialog';
import { LoadError } from '../../shared/ui/load-error';
import { UserService } from '../users/user.service';
import { UsersTable } from '../users/users-table';
import { AGENCY_STATUS_LABELS } from './agency-labels';
import { AgencyService } from './agency.service';
import { createMutation } from '../../shared/ui/mutation';
import { openReasonDialog } from '../../shared/ui/reason-dialog';

/** People shown on an agency's page; the rest are a link away. */
const AGENCY_USERS_SHOWN = 10;

/** /agencies/:id: the agency's profile, its people, and (for admins) offboarding. */
@Component({
  selector: 'ap-agency-detail-page',
  imports: [
    LocalDatePipe,
    LoadError,
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatProgressBarModule,
    RouterLink,
    UsersTable,
  ],
  templateUrl: './agency-detail-page.html',
  styleUrl: './agency-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgencyDetailPage {
  /** Route parameter. */
  readonly id = input.required<string>();

  private readonly auth = inject(AuthService);
  private readonly agencies = inject(AgencyService);
  private readonly users = inject(UserService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);

  protected readonly serviceLabels = AGENCY_SERVICE_LABELS;
  protected readonly statusLabels = AGENCY_STATUS_LABELS;
  protected readonly canManage = computed(() => this.auth.hasPermission('agency:manage'));
  protected readonly canReadUsers = computed(() => this.auth.hasPermission('user:read'));
  protected readonly canInviteUsers = computed(() => this.auth.hasPermission('user:manage'));
  protected readonly agency = createLoader(
    () => this.id(),
    (id) => this.agencies.get(id),
  );
  protected readonly agencyUsers = createLoader(
    () => (this.canReadUsers() ? this.id() : undefined),
    // The first page; the users list has them all (linked below when there are more).
    (agencyId) => this.users.list({ agencyId, limit: AGENCY_USERS_SHOWN, withTotal: true }),
  );
  protected readonly busy = createMutation();

  protected editAgency(): void {
    void this.router.navigate(['/agencies', this.id(), 'edit']);
  }

  protected inviteAgencyUser(): void {
    void this.router.navigate(['/users/invite'], { queryParams: { agencyId: this.id() } });
  }

  protected offboardAgency(agency: AgencyDto): void {
    const reason = openReasonDialog(this.dialog, {
      title: $localize`Offboard ${agency.name}:name:?`,
      message: $localize`The agency’s users are signed out at once and can no longer sign in. Its history stays, and you can reactivate the agency later.`,
      hint: $localize`Recorded in the audit log.`,
      confirmLabel: $localize`Offboard`,
      destructive: true,
    });
    this.busy.runConfirmed(reason, (given) => this.agencies.offboard(agency.id, given), {
      next: (updated) =>
        this.applyStatusChange(updated, $localize`${updated.name}:name: has been offboarded.`),
    });
  }

  protected reactivateAgency(agency: AgencyDto): void {
    const confirmation = openConfirmDialog(this.dialog, {
      title: $localize`Reactivate ${agency.name}:name:?`,
      message: $localize`Its users can sign in again.`,
      confirmLabel: $localize`Reactivate`,
    });
    this.busy.runConfirmed(confirmation, () => this.agencies.reactivate(agency.id), {
      next: (updated) => this.applyStatusChange(updated, $localize`${updated.name}:name: is active again.`),
    });
  }

  private applyStatusChange(updated: AgencyDto, message: string): void {
    this.agency.set(updated);
    this.agencyUsers.reload();
    this.notifier.success(message);
  }
}
