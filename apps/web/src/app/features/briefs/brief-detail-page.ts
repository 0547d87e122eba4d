import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import {
  ChangeDetectionStrategy,
  Component,
  LOCALE_ID,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { BriefAction, BriefDetailDto } from '@agency-portal/shared';
import { formatMoney, isKnownCurrency } from '@agency-portal/shared';
import { BRIEF_STATUS_LABELS, CHANNEL_LABELS, FUNNEL_STAGE_LABELS } from '../../shared/i18n/labels';
import { filter } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { describeError } from '../../core/http/api-error';
import { Notifier } from '../../core/notify/notifier';
import { formatDate } from '../../shared/format/date-format';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { openConfirmDialog } from '../../shared/ui/confirm-dialog';
import { LoadError } from '../../shared/ui/load-error';
import { type MutationRun, createMutation } from '../../shared/ui/mutation';
import { openReasonDialog } from '../../shared/ui/reason-dialog';
import { StatusChip } from '../../shared/ui/status-chip';
import { ContractService } from '../contracts/contract.service';
import { DeliverablesTable } from '../deliverables/deliverables-table';
import { BriefActions } from './brief-actions';
import { BriefBudget, exceedsBudgetCap } from './brief-budget';
import { BRIEF_STATUS_TONES } from './brief-labels';
import { BriefService } from './brief.service';
import { DeliverableSpecsTable } from './deliverable-specs-table';

/** Figures the API sends with a refusal to accept over the cap (409 invalid_state). */
interface CapRefusal {
  message: string;
  capMinor: number | null;
  committedMinor: number | null;
  estimateMinor: number | null;
}

function minorOf(details: Record<string, unknown> | undefined, key: string): number | null {
  const value = details?.[key];
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

/**
 * /briefs/:id: what the brand asks for (summary), what it may cost against the contract (budget),
 * the deliverable specs and, once accepted, the deliverables with their lineage. The lifecycle
 * buttons follow `briefActions(status, role)`.
 */
@Component({
  selector: 'ap-brief-detail-page',
  imports: [
    LocalDatePipe,
    BriefActions,
    BriefBudget,
    DeliverableSpecsTable,
    DeliverablesTable,
    LoadError,
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatProgressBarModule,
    MoneyPipe,
    RouterLink,
    StatusChip,
  ],
  templateUrl: './brief-detail-page.html',
  styles: `
    .ap-key-messages {
      margin: 0;
      padding-left: 20px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BriefDetailPage {
  /** Route parameter. */
  readonly id = input.required<string>();

  private readonly auth = inject(AuthService);
  private readonly briefs = inject(BriefService);
  private readonly contracts = inject(ContractService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly locale = inject(LOCALE_ID);

  protected readonly statusLabels = BRIEF_STATUS_LABELS;
  protected readonly statusTones = BRIEF_STATUS_TONES;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly funnelStageLabels = FUNNEL_STAGE_LABELS;
  protected readonly role = computed(() => this.auth.user()?.role ?? null);
  protected readonly canReadContracts = computed(() => this.auth.hasPermission('contract:read'));
  protected readonly canReadGoals = computed(() => this.auth.hasPermission('goal:read'));

  protected readonly brief = createLoader(
    () => this.id(),
    (id) => this.briefs.get(id),
  );
  private readonly contractId = computed(() =>
    this.canReadContracts() ? this.brief.value()?.contractId : undefined,
  );
  /** The contract, for its budget (cap and commitments). */
  protected readonly contract = createLoader(
    () => this.contractId(),
    (id) => this.contracts.get(id),
  );
  protected readonly budget = computed(() => {
    const contract = this.contract.value();
    return contract && contract.id === this.brief.value()?.contractId ? contract.budget : null;
  });
  /** Only the contract's owner (or an admin) may let a brief go past the cap, as the API enforces. */
  protected readonly offerBudgetOverride = computed(() => {
    const brief = this.brief.value();
    const contract = this.contract.value();
    const user = this.auth.user();
    const mayOverride = !!user && (user.role === 'admin' || contract?.owner.id === user.id);
    return !!brief && mayOverride && !brief.budgetOverride && exceedsBudgetCap(brief, this.budget());
  });
  protected readonly hasDeliverables = computed(() => (this.brief.value()?.deliverables.length ?? 0) > 0);
  protected readonly busy = createMutation();
  protected readonly capRefusal = signal<CapRefusal | null>(null);

  protected runBriefAction(action: BriefAction, brief: BriefDetailDto): void {
    switch (action) {
      case 'edit':
        void this.router.navigate(['/briefs', brief.id, 'edit']);
        return;
      case 'send':
        this.sendBrief(brief);
        return;
      case 'override_budget':
        this.overrideBudget(brief);
        return;
      case 'accept':
        this.acceptBrief(brief);
        return;
      case 'decline':
        this.declineBrief(brief);
        return;
      case 'cancel':
        this.cancelBrief(brief);
        return;
      case 'complete':
        this.busy.run(this.briefs.complete(brief.id), this.updated($localize`Brief marked complete.`));
        return;
    }
  }

  private overrideBudget(brief: BriefDetailDto): void {
    const reason = openReasonDialog(this.dialog, {
      title: $localize`Override the budget cap?`,
      message: $localize`Accepting “${brief.title}:title:” would take ${brief.contractReference}:reference: past its budget cap. Say why the brief may go ahead anyway.`,
      hint: $localize`Recorded on the brief and in the audit log.`,
      confirmLabel: $localize`Override budget`,
    });
    this.busy.runConfirmed(
      reason,
      (given) => this.briefs.overrideBudget(brief.id, given),
      this.updated($localize`Budget override recorded.`),
    );
  }

  private sendBrief(brief: BriefDetailDto): void {
    const confirmation = openConfirmDialog(this.dialog, {
      title: $localize`Send “${brief.title}:title:” to ${brief.agencyName}:agency:?`,
      message: $localize`The agency is notified and can accept or decline it. Once sent, the brief can no longer be edited; you can still cancel it.`,
      confirmLabel: $localize`Send brief`,
    });
    this.busy.runConfirmed(
      confirmation,
      () => this.briefs.send(brief.id),
      this.updated($localize`Brief sent to the agency.`),
    );
  }

  private acceptBrief(brief: BriefDetailDto): void {
    // A code the app does not know is shown as the server sent it (the guard leaves it `never`).
    const estimate = isKnownCurrency(brief.currency)
      ? formatMoney(brief.budgetEstimateMinor, brief.currency, this.locale)
      : `${brief.budgetEstimateMinor} ${String(brief.currency)}`;
    const due = formatDate(brief.dueDate, 'date', this.locale, undefined);
    openConfirmDialog(this.dialog, {
      title: $localize`Accept “${brief.title}:title:”?`,
      message: $localize`Your agency commits to deliver it by ${due}:dueDate:. Its estimate of ${estimate}:estimate: is committed against ${brief.contractReference}:reference:, and its deliverables are created for you to work on.`,
      confirmLabel: $localize`:Button — accept a brief, in its confirmation@@brief.accept.confirm:Accept brief`,
    })
      .pipe(filter((confirmed) => confirmed))
      .subscribe(() => this.postAcceptance(brief));
  }

  private postAcceptance(brief: BriefDetailDto): void {
    this.capRefusal.set(null);
    this.busy.run(this.briefs.accept(brief.id), {
      next: (updated) =>
        this.showUpdated(updated, $localize`Brief accepted. Its deliverables are ready for work.`),
      error: (body, error) => {
        if (body.code === 'invalid_state' && body.details && 'capMinor' in body.details) {
          this.capRefusal.set({
            message: body.message,
            capMinor: minorOf(body.details, 'capMinor'),
            committedMinor: minorOf(body.details, 'committedMinor'),
            estimateMinor: minorOf(body.details, 'estimateMinor'),
          });
          this.contract.reload();
        } else {
          this.notifier.error(describeError(error));
        }
      },
    });
  }

  private declineBrief(brief: BriefDetailDto): void {
    const reason = openReasonDialog(this.dialog, {
      title: $localize`Decline this brief?`,
      message: $localize`The brand sees your reason for declining “${brief.title}:title:”.`,
      confirmLabel: $localize`Decline`,
      destructive: true,
    });
    this.busy.runConfirmed(
      reason,
      (given) => this.briefs.decline(brief.id, given),
      this.updated($localize`Brief declined.`),
    );
  }

  private cancelBrief(brief: BriefDetailDto): void {
    const confirmation = openConfirmDialog(this.dialog, {
      title: $localize`Cancel this brief?`,
      message: $localize`“${brief.title}:title:” stops here; its estimate no longer counts against the contract.`,
      confirmLabel: $localize`Cancel brief`,
      destructive: true,
    });
    this.busy.runConfirmed(
      confirmation,
      () => this.briefs.cancel(brief.id),
      this.updated($localize`Brief cancelled.`),
    );
  }

  /** An action's answer: the brief as it now stands (the interceptor says why one failed). */
  private updated(message: string): MutationRun<BriefDetailDto> {
    return { next: (updated) => this.showUpdated(updated, message) };
  }

  private showUpdated(updated: BriefDetailDto, message: string): void {
    this.capRefusal.set(null);
    this.brief.set(updated);
    // Accepting, cancelling or completing changes what the contract has committed.
    this.contract.reload();
    this.notifier.success(message);
  }
}
