import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import type { UpsertApprovalPolicyRequest } from '@agency-portal/shared';
import { type Observable, map } from 'rxjs';
import { createLoader } from '../../core/data/loader';
import { Notifier } from '../../core/notify/notifier';
import { EditFormTemplate, EditPage } from '../../shared/forms/edit-page';
import { createMutation } from '../../shared/ui/mutation';
import { BusinessUnitService } from '../business-units/business-unit.service';
import { ContractService } from '../contracts/contract.service';
import { ApprovalPolicyForm } from './approval-policy-form';
import { type PolicyScope, ApprovalPolicyService } from './approval-policy.service';

interface Target {
  scope: PolicyScope;
  id: string;
}

/**
 * /approval-policies/business-units/:id and /approval-policies/contracts/:id: sets or edits the
 * policy of a business unit, or a contract's override of its unit's policy.
 */
@Component({
  selector: 'ap-approval-policy-edit-page',
  imports: [ApprovalPolicyForm, EditFormTemplate, EditPage],
  template: `
    <ap-edit-page
      [busy]="loading() || saving.pending()"
      [loadError]="loadError()"
      [ready]="ready()"
      [maxWidth]="1000"
      (retry)="reloadAll()"
    >
      <div editPageHeader>
        @if (existing()) {
          <h1 i18n>Edit approval policy</h1>
        } @else {
          <h1 i18n>New approval policy</h1>
        }
        <p class="ap-subtitle">
          @if (targetName.value(); as name) {
            @if (scope() === 'contract') {
              <ng-container i18n>Override for contract {{ name }}</ng-container>
            } @else {
              <ng-container i18n>For {{ name }} and the units inheriting from it</ng-container>
            }
          }
        </p>
      </div>
      <ng-template apEditForm>
        <ap-approval-policy-form
          [policy]="existing()"
          [saving]="saving.pending()"
          [serverError]="saving.error()"
          (save)="savePolicy($event)"
          (cancelled)="leave()"
        />
      </ng-template>
    </ap-edit-page>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApprovalPolicyEditPage {
  /** Route parameter: the business unit or contract. */
  readonly id = input.required<string>();
  /** Route data. */
  readonly scope = input.required<PolicyScope>();

  private readonly policies = inject(ApprovalPolicyService);
  private readonly units = inject(BusinessUnitService);
  private readonly contracts = inject(ContractService);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);

  private readonly target = computed<Target>(() => ({ scope: this.scope(), id: this.id() }));
  /** The target's own policy, if it has one (at most one per unit or contract). */
  protected readonly current = createLoader(
    () => this.target(),
    ({ scope, id }) =>
      this.policies
        .list(
          scope === 'contract'
            ? { contractId: id, limit: 1 }
            : { businessUnitId: id, kind: 'business_unit', limit: 1 },
        )
        .pipe(map((page) => page.items[0] ?? null)),
  );
  protected readonly targetName = createLoader(
    () => this.target(),
    (target): Observable<string> =>
      target.scope === 'contract'
        ? this.contracts.get(target.id).pipe(map((contract) => `${contract.reference} · ${contract.title}`))
        : this.units.get(target.id).pipe(map((unit) => unit.name)),
  );
  protected readonly existing = computed(() => this.current.value() ?? null);
  protected readonly loading = computed(() => this.current.loading() || this.targetName.loading());
  protected readonly loadError = computed(() => this.current.error() ?? this.targetName.error());
  protected readonly ready = computed(() => this.current.value() !== undefined);
  protected readonly saving = createMutation();

  protected savePolicy(request: UpsertApprovalPolicyRequest): void {
    const { scope, id } = this.target();
    this.saving.run(this.policies.save(scope, id, request), {
      leaves: true,
      next: (policy) => {
        this.notifier.success($localize`Policy “${policy.name}:name:” saved.`);
        this.leave();
      },
    });
  }

  protected reloadAll(): void {
    this.current.reload();
    this.targetName.reload();
  }

  protected leave(): void {
    const { scope, id } = this.target();
    void this.router.navigate(scope === 'contract' ? ['/contracts', id] : ['/approval-policies']);
  }
}
