import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { ApiErrorBody, CreateContractRequest } from '@agency-portal/shared';
import { canDoContractAction } from '@agency-portal/shared';
import { CONTRACT_STATUS_LABELS } from '../../shared/i18n/labels';
import { createLoader } from '../../core/data/loader';
import { toApiError } from '../../core/http/api-error';
import { Notifier } from '../../core/notify/notifier';
import { LoadError } from '../../shared/ui/load-error';
import { ContractForm } from './contract-form';
import { toUpdateRequest } from './contract-requests';
import { ContractService } from './contract.service';

/** Drafts (/contracts/new) or edits (/contracts/:id/edit) a contract. */
@Component({
  selector: 'ap-contract-edit-page',
  imports: [ContractForm, LoadError, MatButtonModule, MatCardModule, MatProgressBarModule, RouterLink],
  template: `
    <section class="ap-page ap-page--form">
      <header class="ap-page-header">
        <div>
          @if (id()) {
            <h1 i18n>Edit contract</h1>
          } @else {
            <h1 i18n>New contract</h1>
          }
          @if (contract.value(); as current) {
            <p class="ap-subtitle">{{ current.reference }} · {{ current.title }}</p>
          } @else {
            <p i18n class="ap-subtitle">
              New contracts start as drafts; activate them once the signed PDF is uploaded.
            </p>
          }
        </div>
      </header>
      <div class="ap-progress-slot">
        @if (loading() || saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading" i18n-aria-label />
        }
      </div>
      @if (loadError(); as error) {
        <ap-load-error [error]="error" (retry)="reloadAll()" />
      } @else if (closedStatus(); as status) {
        <div class="ap-notice" role="status">
          <ng-container i18n>This contract can no longer be changed: it is “{{ status }}”.</ng-container>
          <a i18n [routerLink]="['/contracts', id()]">Back to the contract</a>
        </div>
      } @else if (!id() || contract.value()) {
        <mat-card appearance="outlined">
          <mat-card-content>
            <ap-contract-form
              [contract]="contract.value() ?? null"
              [saving]="saving()"
              [serverError]="serverError()"
              (save)="saveContract($event)"
              (cancelled)="leave()"
            />
          </mat-card-content>
        </mat-card>
      }
    </section>
  `,
  styles: `
    .ap-page--form {
      max-width: 1100px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContractEditPage {
  /** Route parameter; absent when creating. */
  readonly id = input<string>();

  private readonly contracts = inject(ContractService);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);

  protected readonly contract = createLoader(
    () => this.id(),
    (id) => this.contracts.get(id),
  );
  protected readonly loading = this.contract.loading;
  protected readonly loadError = this.contract.error;
  /** Expired and terminated contracts can no longer be edited. */
  protected readonly closedStatus = computed(() => {
    const status = this.contract.value()?.status;
    return status && !canDoContractAction(status, 'edit') ? CONTRACT_STATUS_LABELS[status] : null;
  });
  protected readonly saving = signal(false);
  protected readonly serverError = signal<ApiErrorBody | null>(null);

  protected saveContract(request: CreateContractRequest): void {
    const id = this.id();
    const current = this.contract.value();
    this.saving.set(true);
    this.serverError.set(null);
    const save =
      id && current
        ? this.contracts.update(id, toUpdateRequest(request, current.status))
        : this.contracts.create(request);
    save.subscribe({
      next: (contract) => {
        this.notifier.success($localize`Contract ${contract.reference}:reference: saved.`);
        void this.router.navigate(['/contracts', contract.id]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.serverError.set(toApiError(error));
      },
    });
  }

  protected reloadAll(): void {
    this.contract.reload();
  }

  protected leave(): void {
    const id = this.id();
    void this.router.navigate(id ? ['/contracts', id] : ['/contracts']);
  }
}
