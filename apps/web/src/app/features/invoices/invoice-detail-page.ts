import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { InvoiceAction, InvoiceDetailDto } from '@agency-portal/shared';
import { taxRatePercentText } from '@agency-portal/shared';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { Notifier } from '../../core/notify/notifier';
import { createDownload } from '../../shared/files/download';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { INVOICE_STATUS_LABELS } from '../../shared/i18n/labels';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { openConfirmDialog } from '../../shared/ui/confirm-dialog';
import { LoadError } from '../../shared/ui/load-error';
import { type MutationRun, createMutation } from '../../shared/ui/mutation';
import { openReasonDialog } from '../../shared/ui/reason-dialog';
import { StatusChip } from '../../shared/ui/status-chip';
import {
  approvalConfirmation,
  conflictMessage,
  conflictState,
  rejectionPrompt,
  withdrawalConfirmation,
} from './invoice-decisions';
import { INVOICE_ACTION_LABELS, INVOICE_STATUS_TONES } from './invoice-labels';
import { InvoiceLinesTable } from './invoice-lines-table';
import { InvoiceService } from './invoice.service';
import { openPayInvoiceDialog } from './pay-invoice-dialog';

const ACTION_ORDER: readonly InvoiceAction[] = ['approve', 'pay', 'reject', 'withdraw'];

/**
 * /invoices/:id: one invoice with what finance checks (over budget, prices off the rate card,
 * quantities beyond the brief), its lines traced to deliverables and goals, its approvals and the
 * decisions the server says the reader may take now (`allowedActions`). Every decision is
 * confirmed first; a decision someone else took first (409) is said, with the current state.
 */
@Component({
  selector: 'ap-invoice-detail-page',
  imports: [
    InvoiceLinesTable,
    LoadError,
    LocalDatePipe,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    MoneyPipe,
    RouterLink,
    StatusChip,
  ],
  templateUrl: './invoice-detail-page.html',
  styleUrl: './invoice-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceDetailPage {
  /** Route parameter. */
  readonly id = input.required<string>();

  private readonly auth = inject(AuthService);
  private readonly invoices = inject(InvoiceService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  protected readonly statusLabels = INVOICE_STATUS_LABELS;
  protected readonly statusTones = INVOICE_STATUS_TONES;
  protected readonly actionLabels = INVOICE_ACTION_LABELS;
  protected readonly invoice = createLoader(
    () => this.id(),
    (id) => this.invoices.get(id),
  );
  protected readonly canReadContracts = computed(() => this.auth.hasPermission('contract:read'));
  protected readonly canReadDeliverables = computed(() => this.auth.hasPermission('deliverable:read'));
  /** The decisions the server allows this reader now, in a stable order; none while a conflict stands. */
  protected readonly actions = computed(() => {
    const allowed = this.invoice.value()?.allowedActions ?? [];
    return this.conflict() ? [] : ACTION_ORDER.filter((action) => allowed.includes(action));
  });
  protected readonly taxPercent = computed(() => taxRatePercentText(this.invoice.value()?.taxRateBp ?? 0));
  /** Finance may approve no more: this reader gave one of the approvals. */
  protected readonly approvedByMe = computed(() => {
    const user = this.auth.user();
    return !!user && (this.invoice.value()?.approvals ?? []).some((approval) => approval.by.id === user.id);
  });
  protected readonly busy = createMutation();
  protected readonly download = createDownload();
  protected readonly conflict = signal<string | null>(null);
  protected readonly failure = signal<string | null>(null);

  protected decide(action: InvoiceAction, invoice: InvoiceDetailDto): void {
    switch (action) {
      case 'approve':
        this.busy.runConfirmed(
          openConfirmDialog(this.dialog, approvalConfirmation(invoice)),
          () => this.invoices.approve(invoice.id),
          this.outcome((updated) =>
            updated.status === 'approved'
              ? $localize`Invoice ${updated.number}:number: approved.`
              : $localize`Your approval of ${updated.number}:number: is recorded; it waits for a second approver.`,
          ),
        );
        return;
      case 'reject':
        this.busy.runConfirmed(
          openReasonDialog(this.dialog, rejectionPrompt(invoice)),
          (reason) => this.invoices.reject(invoice.id, reason),
          this.outcome((updated) => $localize`Invoice ${updated.number}:number: rejected.`),
        );
        return;
      case 'pay': {
        const payment = openPayInvoiceDialog(this.dialog, {
          number: invoice.number,
          grossMinor: invoice.grossMinor,
          currency: invoice.currency,
          issueDate: invoice.issueDate,
          // The API's "today" is the UTC day.
          today: new Date().toISOString().slice(0, 10),
        });
        this.busy.runConfirmed(
          payment,
          (paid) => this.invoices.pay(invoice.id, paid),
          this.outcome((updated) => $localize`Invoice ${updated.number}:number: marked paid.`),
        );
        return;
      }
      case 'withdraw':
        this.busy.runConfirmed(
          openConfirmDialog(this.dialog, withdrawalConfirmation(invoice)),
          () => this.invoices.withdraw(invoice.id),
          this.outcome((updated) => $localize`Invoice ${updated.number}:number: withdrawn.`),
        );
        return;
    }
  }

  /** After a lost race: the invoice as it stands now, and its actions again. */
  protected reloadInvoice(): void {
    this.conflict.set(null);
    this.failure.set(null);
    this.invoice.reload();
  }

  protected downloadDocument(invoice: InvoiceDetailDto): void {
    this.download.save(this.invoices.downloadDocument(invoice.id), invoice.document.fileName);
  }

  /** A decision's answer: the invoice as it now stands, or why it was refused (a lost race apart). */
  private outcome(message: (updated: InvoiceDetailDto) => string): MutationRun<InvoiceDetailDto> {
    return {
      next: (updated) => {
        this.failure.set(null);
        this.invoice.set(updated);
        this.notifier.success(message(updated));
      },
      error: (body) => {
        const state = conflictState(body);
        if (state) {
          this.conflict.set(conflictMessage(state));
        } else {
          this.failure.set(body.message);
        }
      },
    };
  }
}
