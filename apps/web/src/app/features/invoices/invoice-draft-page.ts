import { HttpErrorResponse, HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type {
  ApiErrorBody,
  ContractListQuery,
  InvoiceDocumentDto,
  SubmitInvoiceRequest,
} from '@agency-portal/shared';
import { type Observable, filter, last, map, of, switchMap, tap } from 'rxjs';
import { createLoader } from '../../core/data/loader';
import { toApiError } from '../../core/http/api-error';
import { Lookups } from '../../core/lookups/lookups';
import { Notifier } from '../../core/notify/notifier';
import { LookupField } from '../../shared/forms/lookup-field';
import { uuid } from '../../shared/list/list-query-state';
import { LoadError } from '../../shared/ui/load-error';
import { ContractService } from '../contracts/contract.service';
import { uploadErrorMessage } from '../contracts/document-errors';
import { IdempotencyKeys } from './idempotency-keys';
import { type GoalChoice, InvoiceForm, type InvoiceFormValue } from './invoice-form';
import { lineInput } from './invoice-lines';
import { InvoiceService } from './invoice.service';

/** A request that may have reached the server although no answer came back: retry with the same key. */
function answerLost(error: unknown): boolean {
  return error instanceof HttpErrorResponse && (error.status === 0 || error.status >= 500);
}

/**
 * /invoices/new?contractId=: pay on approval. The agency picks one of its active contracts and
 * gets its approved, not yet invoiced deliverables as lines priced from the rate card; it edits
 * them, attaches its PDF and submits. Each submit attempt carries one Idempotency-Key, kept for
 * a retry of the same invoice, so an answer lost on the way back never makes a second invoice.
 */
@Component({
  selector: 'ap-invoice-draft-page',
  imports: [
    InvoiceForm,
    LoadError,
    LookupField,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './invoice-draft-page.html',
  styles: `
    .ap-page--form {
      max-width: 1100px;
    }
    .ap-contract-picker {
      max-width: 480px;
    }
    .ap-contract-picker ap-lookup-field {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceDraftPage {
  /** Query parameter: the contract to invoice. */
  readonly contractId = input<string>();

  private readonly invoices = inject(InvoiceService);
  private readonly contracts = inject(ContractService);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly lookups = inject(Lookups);

  protected readonly activeContracts: Pick<ContractListQuery, 'status'> = { status: 'active' };
  protected readonly contractControl = new FormControl('', { nonNullable: true });
  private readonly chosenId = computed(() => uuid(this.contractId() ?? ''));

  protected readonly contract = createLoader(
    () => this.chosenId(),
    (id) => this.contracts.get(id),
  );
  private readonly draftRequests = signal(0);
  protected readonly draft = createLoader(
    () => {
      const contractId = this.chosenId();
      return contractId ? { contractId, attempt: this.draftRequests() } : undefined;
    },
    ({ contractId }) => this.invoices.draft({ contractId }),
  );
  /** The contract's goals (its allocations), plus any goal a draft line names. */
  protected readonly goals = computed((): GoalChoice[] => {
    const choices = new Map<string, GoalChoice>();
    for (const allocation of this.contract.value()?.allocations ?? []) {
      choices.set(allocation.goalId, { goalId: allocation.goalId, goalName: allocation.goalName });
    }
    for (const line of this.draft.value()?.lines ?? []) {
      if (!choices.has(line.goalId))
        choices.set(line.goalId, { goalId: line.goalId, goalName: line.goalName });
    }
    return [...choices.values()];
  });
  protected readonly ready = computed(() => {
    const contract = this.contract.value();
    const draft = this.draft.value();
    return !!contract && !!draft && contract.id === this.chosenId() && draft.contractId === contract.id;
  });

  protected readonly submitting = signal(false);
  protected readonly uploadProgress = signal<number | null>(null);
  protected readonly serverError = signal<ApiErrorBody | null>(null);
  private readonly keys = new IdempotencyKeys();
  /** The PDF uploaded for the current attempt: sent again only when another file is chosen. */
  private uploaded: { file: File; document: InvoiceDocumentDto } | null = null;

  constructor() {
    effect(() => {
      const id = this.chosenId() ?? '';
      if (this.contractControl.value !== id) this.contractControl.setValue(id, { emitEvent: false });
    });
    this.contractControl.valueChanges.pipe(takeUntilDestroyed()).subscribe((id) => {
      this.serverError.set(null);
      void this.router.navigate([], { queryParams: { contractId: id || null }, replaceUrl: true });
    });
  }

  /** Asks for a fresh draft: the lines as the approved work stands now. */
  protected startAgain(): void {
    this.serverError.set(null);
    this.draftRequests.update((count) => count + 1);
  }

  protected submitInvoice(value: InvoiceFormValue): void {
    const draft = this.draft.value();
    if (!draft) return;
    this.submitting.set(true);
    this.serverError.set(null);
    this.documentFor(value.file)
      .pipe(
        switchMap((document) => {
          const request: SubmitInvoiceRequest = {
            contractId: draft.contractId,
            number: value.number,
            issueDate: value.issueDate,
            dueDate: value.dueDate,
            currency: draft.currency,
            documentId: document.id,
            notes: value.notes || undefined,
            lines: value.lines.map(lineInput),
          };
          return this.invoices.submit(request, this.keys.keyFor(request));
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (invoice) => {
          this.keys.spend();
          this.submitting.set(false);
          this.notifier.success($localize`Invoice ${invoice.number}:number: submitted to finance.`);
          void this.router.navigate(['/invoices', invoice.id]);
        },
        error: (error: unknown) => {
          this.submitting.set(false);
          this.uploadProgress.set(null);
          if (answerLost(error)) {
            // The invoice may have been created: the same key on the next attempt answers it.
            this.serverError.set({
              ...toApiError(error),
              message: $localize`The portal did not answer. Submit again: the invoice will not be created twice.`,
            });
            return;
          }
          this.keys.spend();
          this.serverError.set(
            this.uploaded?.file === value.file
              ? toApiError(error)
              : {
                  code: 'validation_failed',
                  message: uploadErrorMessage(error),
                },
          );
        },
      });
  }

  private documentFor(file: File): Observable<InvoiceDocumentDto> {
    if (this.uploaded?.file === file) return of(this.uploaded.document);
    this.uploaded = null;
    this.uploadProgress.set(0);
    return this.invoices.uploadDocument(file).pipe(
      tap((event) => {
        if (event.type === HttpEventType.UploadProgress && event.total) {
          // Share of the bytes sent, for the progress bar (not money).
          this.uploadProgress.set(Math.round((event.loaded / event.total) * 100));
        }
      }),
      filter((event) => event.type === HttpEventType.Response),
      last(),
      map((event) => {
        this.uploadProgress.set(null);
        if (event.type !== HttpEventType.Response || !event.body)
          throw new Error('Upload answered without a body');
        this.uploaded = { file, document: event.body };
        return event.body;
      }),
    );
  }
}
