import { DOCUMENT } from '@angular/common';
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
import { RouterLink } from '@angular/router';
import type { InvoiceAction, InvoiceDetailDto } from '@agency-portal/shared';
import { taxRatePercentText } from '@agency-portal/shared';
import { type Observable, filter, switchMap } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { describeError, toApiError } from '../../core/http/api-error';
import { Notifier } from '../../core/notify/notifier';
import { saveBlob } from '../../shared/files/save-file';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { INVOICE_STATUS_LABELS } from '../../shared/i18n/labels';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { openConfirmDialog } from '../../shared/ui/confirm-dialog';
import { LoadError } from '../../shared/ui/load-error';
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
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);

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
  protected readonly busy = signal(false);
  protected readonly downloading = signal(false);
  protected readonly conflict = signal<string | null>(null);
  protected readonly failure = signal<string | null>(null);

  protected decide(action: InvoiceAction, invoice: InvoiceDetailDto): void {
    switch (action) {
      case 'approve':
        openConfirmDialog(this.dialog, approvalConfirmation(invoice))
          .pipe(filter((confirmed) => confirmed))
          .subscribe(() =>
            this.apply(this.invoices.approve(invoice.id), (updated) =>
              updated.status === 'approved'
                ? $localize`Invoice ${updated.number}:number: approved.`
                : $localize`Your approval of ${updated.number}:number: is recorded; it waits for a second approver.`,
            ),
          );
        return;
      case 'reject':
        openReasonDialog(this.dialog, rejectionPrompt(invoice))
          .pipe(filter((reason): reason is string => !!reason))
          .subscribe((reason) =>
            this.apply(
              this.invoices.reject(invoice.id, reason),
              (updated) => $localize`Invoice ${updated.number}:number: rejected.`,
            ),
          );
        return;
      case 'pay':
        openPayInvoiceDialog(this.dialog, {
          number: invoice.number,
          grossMinor: invoice.grossMinor,
          currency: invoice.currency,
          issueDate: invoice.issueDate,
          // The API's "today" is the UTC day.
          today: new Date().toISOString().slice(0, 10),
        })
          .pipe(
            filter((payment) => payment !== undefined),
            switchMap((payment) => {
              this.busy.set(true);
              return this.invoices.pay(invoice.id, payment);
            }),
          )
          .subscribe(this.observer((updated) => $localize`Invoice ${updated.number}:number: marked paid.`));
        return;
      case 'withdraw':
        openConfirmDialog(this.dialog, withdrawalConfirmation(invoice))
          .pipe(filter((confirmed) => confirmed))
          .subscribe(() =>
            this.apply(
              this.invoices.withdraw(invoice.id),
              (updated) => $localize`Invoice ${updated.number}:number: withdrawn.`,
            ),
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
    this.downloading.set(true);
    this.invoices
      .downloadDocument(invoice.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (blob) => {
          this.downloading.set(false);
          saveBlob(this.document, blob, invoice.document.fileName);
        },
        error: (error: unknown) => {
          this.downloading.set(false);
          this.notifier.error(describeError(error));
        },
      });
  }

  private apply(request: Observable<InvoiceDetailDto>, message: (updated: InvoiceDetailDto) => string): void {
    this.busy.set(true);
    request.subscribe(this.observer(message));
  }

  private observer(message: (updated: InvoiceDetailDto) => string) {
    return {
      next: (updated: InvoiceDetailDto) => {
        this.busy.set(false);
        this.failure.set(null);
        this.invoice.set(updated);
        this.notifier.success(message(updated));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const body = toApiError(error);
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
