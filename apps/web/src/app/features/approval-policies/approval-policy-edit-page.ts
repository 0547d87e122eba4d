import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import type { ApiErrorBody, UpsertApprovalPolicyRequest } from '@agency-portal/shared';
import { type Observable, map } from 'rxjs';
import { createLoader } from '../../core/data/loader';
import { toApiError } from '../../core/http/api-error';
import { Notifier } from '../../core/notify/notifier';
import { LoadError } from '../../shared/ui/load-error';
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
  imports: [ApprovalPolicyForm, LoadError, MatCardModule, MatProgressBarModule],
  template: `
    <section class="ap-page ap-page--form">
      <header class="ap-page-header">
        <div>
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
      </header>
      <div class="ap-progress-slot">
        @if (loading() || saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading" i18n-aria-label />
        }
      </div>
      @if (loadError(); as error) {
        <ap-load-error [error]="error" (retry)="reloadAll()" />
      } @else if (ready()) {
        <mat-card appearance="outlined">
          <mat-card-content>
            <ap-approval-policy-form
              [policy]="existing()"
              [saving]="saving()"
              [serverError]="serverError()"
              (save)="savePolicy($event)"
              (cancelled)="leave()"
            />
          </mat-card-content>
        </mat-card>
      }
    </section>
  `,
  styles: `
    .ap-page--form {
      max-width: 1000px;
    }
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
  protected readonly saving = signal(false);
  protected readonly serverError = signal<ApiErrorBody | null>(null);

  protected savePolicy(request: UpsertApprovalPolicyRequest): void {
    const { scope, id } = this.target();
    this.saving.set(true);
    this.serverError.set(null);
    this.policies.save(scope, id, request).subscribe({
      next: (policy) => {
        this.notifier.success($localize`Policy “${policy.name}:name:” saved.`);
        this.leave();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.serverError.set(toApiError(error));
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
