import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { ContractDetailDto } from '@agency-portal/shared';
import { type ContractAction, canDoContractAction } from '@agency-portal/shared';
import { CONTRACT_STATUS_LABELS } from '../../shared/i18n/labels';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { Notifier } from '../../core/notify/notifier';
import { createDownload } from '../../shared/files/download';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { LoadError } from '../../shared/ui/load-error';
import { StatusChip } from '../../shared/ui/status-chip';
import { AppliedPolicySummary } from '../approval-policies/applied-policy-summary';
import { ApprovalPolicyService } from '../approval-policies/approval-policy.service';
import { AllocationsTable } from './allocations-table';
import { BudgetSummary } from './budget-summary';
import { CONTRACT_STATUS_TONES } from './contract-labels';
import { ContractService } from './contract.service';
import { uploadErrorMessage } from './document-errors';
import { RateCardTable } from './rate-card-table';
import { SignedDocumentPanel } from './signed-document-panel';
import { openConfirmDialog } from '../../shared/ui/confirm-dialog';
import { createMutation } from '../../shared/ui/mutation';
import { openReasonDialog } from '../../shared/ui/reason-dialog';

/**
 * /contracts/:id: the statement of work (summary, budget, rate card, goal allocations, signed
 * document, internal notes) and, for contract managers, its lifecycle: activate, terminate, edit.
 */
@Component({
  selector: 'ap-contract-detail-page',
  imports: [
    LocalDatePipe,
    AllocationsTable,
    AppliedPolicySummary,
    BudgetSummary,
    LoadError,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    MoneyPipe,
    RateCardTable,
    RouterLink,
    SignedDocumentPanel,
    StatusChip,
  ],
  templateUrl: './contract-detail-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContractDetailPage {
  /** Route parameter. */
  readonly id = input.required<string>();

  private readonly auth = inject(AuthService);
  private readonly contracts = inject(ContractService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly policies = inject(ApprovalPolicyService);

  protected readonly statusLabels = CONTRACT_STATUS_LABELS;
  protected readonly statusTones = CONTRACT_STATUS_TONES;
  protected readonly contract = createLoader(
    () => this.id(),
    (id) => this.contracts.get(id),
  );
  protected readonly canManage = computed(() => this.auth.hasPermission('contract:manage'));
  protected readonly canReadGoals = computed(() => this.auth.hasPermission('goal:read'));
  /** Lifecycle actions: contract managers, in the statuses the shared workflow allows them. */
  protected readonly canEdit = computed(() => this.allows('edit'));
  protected readonly canActivate = computed(() => this.allows('activate'));
  protected readonly canTerminate = computed(() => this.allows('terminate'));
  protected readonly canUpload = computed(() => this.allows('upload_document'));
  /** Agency users never receive the notes; in-house readers see the section even when empty. */
  protected readonly showInternalNotes = computed(() => {
    const notes = this.contract.value()?.internalNotes;
    return notes !== undefined && notes !== null;
  });
  protected readonly canReadBriefs = computed(() => this.auth.hasPermission('brief:read'));
  protected readonly canReadPolicies = computed(() => this.auth.hasPermission('approval_policy:read'));
  protected readonly canManagePolicies = computed(() => this.auth.hasPermission('approval_policy:manage'));
  /** The approval policy its deliverables follow, and why (override, unit, inherited, default). */
  protected readonly approvalPolicy = createLoader(
    () => (this.canReadPolicies() ? this.id() : undefined),
    (id) => this.policies.effectiveForContract(id),
  );
  protected readonly policyBusy = createMutation();
  protected readonly busy = createMutation();
  protected readonly uploading = signal(false);
  protected readonly uploadProgress = signal<number | null>(null);
  protected readonly uploadError = signal<string | null>(null);
  protected readonly download = createDownload();

  protected editContract(): void {
    void this.router.navigate(['/contracts', this.id(), 'edit']);
  }

  protected activateContract(contract: ContractDetailDto): void {
    const confirmation = openConfirmDialog(this.dialog, {
      title: $localize`Activate ${contract.reference}:reference:?`,
      message: $localize`${contract.agencyName}:agency: sees the contract from now on and briefs can be sent under it. Its agency, business unit, period and currency are locked as signed; it cannot go back to draft.`,
      confirmLabel: $localize`Activate`,
    });
    this.busy.runConfirmed(confirmation, () => this.contracts.activate(contract.id), {
      next: (updated) => this.applyChange(updated, $localize`${updated.reference}:reference: is active.`),
    });
  }

  protected terminateContract(contract: ContractDetailDto): void {
    const reason = openReasonDialog(this.dialog, {
      title: $localize`Terminate ${contract.reference}:reference:?`,
      message: $localize`“${contract.title}:title:” ends now and can no longer be changed or reactivated. The agency sees the reason.`,
      hint: $localize`Shown on the contract and recorded in the audit log.`,
      confirmLabel: $localize`Terminate`,
      destructive: true,
    });
    this.busy.runConfirmed(reason, (given) => this.contracts.terminate(contract.id, given), {
      next: (updated) =>
        this.applyChange(updated, $localize`${updated.reference}:reference: has been terminated.`),
    });
  }

  protected uploadSignedDocument(file: File): void {
    this.uploading.set(true);
    this.uploadProgress.set(0);
    this.uploadError.set(null);
    this.contracts
      .uploadDocument(this.id(), file)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress && event.total) {
            // Share of the bytes sent, for the progress bar (not money).
            this.uploadProgress.set(Math.round((event.loaded / event.total) * 100));
          } else if (event.type === HttpEventType.Response && event.body) {
            this.uploading.set(false);
            this.uploadProgress.set(null);
            this.contract.set(event.body);
            this.notifier.success($localize`Signed document uploaded.`);
          }
        },
        error: (error: unknown) => {
          this.uploading.set(false);
          this.uploadProgress.set(null);
          this.uploadError.set(uploadErrorMessage(error));
        },
      });
  }

  protected downloadSignedDocument(contract: ContractDetailDto): void {
    const fileName = contract.signedDocument?.fileName ?? `${contract.reference}.pdf`;
    this.download.save(this.contracts.downloadDocument(contract.id), fileName);
  }

  protected editApprovalPolicy(): void {
    void this.router.navigate(['/approval-policies', 'contracts', this.id()]);
  }

  protected removePolicyOverride(contract: ContractDetailDto): void {
    const confirmation = openConfirmDialog(this.dialog, {
      title: $localize`Remove the override?`,
      message: $localize`${contract.reference}:reference: goes back to the approval policy of ${contract.businessUnitName}:unit:. Reviews under way keep their steps.`,
      confirmLabel: $localize`Remove override`,
      destructive: true,
    });
    this.policyBusy.runConfirmed(confirmation, () => this.policies.remove('contract', contract.id), {
      next: () => {
        this.notifier.success($localize`The contract follows its business unit’s policy again.`);
        this.approvalPolicy.reload();
      },
    });
  }

  private allows(action: ContractAction): boolean {
    const contract = this.contract.value();
    return this.canManage() && contract !== undefined && canDoContractAction(contract.status, action);
  }

  private applyChange(updated: ContractDetailDto, message: string): void {
    this.contract.set(updated);
    this.notifier.success(message);
  }
}
