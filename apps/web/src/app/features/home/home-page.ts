import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import type { Role } from '@agency-portal/shared';
import { ROLE_LABELS } from '../../shared/i18n/labels';
import { AuthService } from '../../core/auth/auth.service';
import { navigationFor } from '../../shell/navigation';
import { FinanceQueues } from '../invoices/finance-queues';

const ROLE_SUMMARIES: Record<Role, string> = {
  admin: $localize`You run the portal: people and their roles, business units, agencies and their relationship owners, and the audit log.`,
  social_lead: $localize`You own the agency relationships day to day: goals, contracts and briefs, reviewing and approving the work, and the reports.`,
  reviewer: $localize`You decide on the approval steps assigned to you and can read what you review.`,
  finance: $localize`You read contracts, decide on invoices and mark them paid, and follow spend.`,
  viewer: $localize`You can read goals and reports.`,
  agency_admin: $localize`You lead your agency in the portal: you manage its people and do everything agency members do.`,
  agency_member: $localize`You work on your agency’s contracts and briefs: uploads, comments, invoices and your scorecard.`,
};

/** Landing page: who you are here and what you can do. */
@Component({
  selector: 'ap-home-page',
  imports: [FinanceQueues, MatButtonModule, MatCardModule, RouterLink],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  private readonly auth = inject(AuthService);
  protected readonly user = this.auth.user;
  protected readonly firstName = computed(() => this.user()?.name.split(' ')[0] ?? '');
  protected readonly roleLabel = computed(() => {
    const user = this.user();
    return user ? ROLE_LABELS[user.role] : '';
  });
  protected readonly summary = computed(() => {
    const user = this.user();
    return user ? ROLE_SUMMARIES[user.role] : '';
  });
  /** Finance starts from what waits for their decision or payment. */
  protected readonly showFinanceQueues = computed(() => this.auth.hasPermission('invoice:decide'));
  /** Finance's way to the report, opened on the year so far. */
  protected readonly showSpendReport = computed(
    () => this.auth.hasPermission('invoice:decide') && this.auth.hasPermission('spend:read'),
  );
  protected readonly yearToDate = computed(() => ({ from: `${new Date().getFullYear()}-01-01` }));
  protected readonly areas = computed(() => {
    const user = this.user();
    return user ? navigationFor(user).filter((entry) => entry.path !== '/') : [];
  });
}
