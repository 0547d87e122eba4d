import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { CreateContractRequest } from '@agency-portal/shared';
import { canDoContractAction } from '@agency-portal/shared';
import { CONTRACT_STATUS_LABELS } from '../../shared/i18n/labels';
import { createLoader } from '../../core/data/loader';
import { Notifier } from '../../core/notify/notifier';
import { EditFormTemplate, EditPage } from '../../shared/forms/edit-page';
import { createMutation } from '../../shared/ui/mutation';
import { ContractForm } from './contract-form';
import { toUpdateRequest } from './contract-requests';
import { ContractService } from './contract.service';

/** Drafts (/contracts/new) or edits (/contracts/:id/edit) a contract. */
@Component({
  selector: 'ap-contract-edit-page',
  imports: [ContractForm, EditFormTemplate, EditPage, RouterLink],
  template: `
    <ap-edit-page
      [busy]="loading() || saving.pending()"
      [loadError]="loadError()"
      [blocked]="closedStatus() !== null"
      [ready]="!id() || !!contract.value()"
      [maxWidth]="1100"
      (retry)="reloadAll()"
    >
      <div editPageHeader>
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
      <div editPageBlocked>
        @if (closedStatus(); as status) {
          <div class="ap-notice" role="status">
            <ng-container i18n>This contract can no longer be changed: it is “{{ status }}”.</ng-container>
            <a i18n [routerLink]="['/contracts', id()]">Back to the contract</a>
          </div>
        }
      </div>
      <ng-template apEditForm>
        <ap-contract-form
          [contract]="contract.value() ?? null"
          [saving]="saving.pending()"
          [serverError]="saving.error()"
          (save)="saveContract($event)"
          (cancelled)="leave()"
        />
      </ng-template>
    </ap-edit-page>
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
  protected readonly saving = createMutation();

  protected saveContract(request: CreateContractRequest): void {
    const id = this.id();
    const current = this.contract.value();
    const save =
      id && current
        ? this.contracts.update(id, toUpdateRequest(request, current.status))
        : this.contracts.create(request);
    this.saving.run(save, {
      leaves: true,
      next: (contract) => {
        this.notifier.success($localize`Contract ${contract.reference}:reference: saved.`);
        void this.router.navigate(['/contracts', contract.id]);
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
