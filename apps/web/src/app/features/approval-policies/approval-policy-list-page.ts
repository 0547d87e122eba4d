import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { ApprovalPolicyDto, BusinessUnitDto } from '@agency-portal/shared';
import { OPERATING_MODEL_LABELS } from '../../shared/i18n/labels';
import { filter, switchMap } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { Notifier } from '../../core/notify/notifier';
import { openConfirmDialog } from '../../shared/ui/confirm-dialog';
import { LoadError } from '../../shared/ui/load-error';
import { StatusChip } from '../../shared/ui/status-chip';
import { BusinessUnitService } from '../business-units/business-unit.service';
import { ContractService } from '../contracts/contract.service';
import { UserService } from '../users/user.service';
import { type PolicyScope, ApprovalPolicyService } from './approval-policy.service';
import { ApprovalStepsList } from './approval-steps-list';
import { type UnitPolicySource, unitPolicyViews } from './unit-policies';

const SOURCE_LABELS: Record<UnitPolicySource, string> = {
  own: $localize`:Where a unit's approval policy comes from@@unitPolicySource.own:Own policy`,
  inherited: $localize`:Where a unit's approval policy comes from@@unitPolicySource.inherited:Inherited`,
  default: $localize`:Where a unit's approval policy comes from@@unitPolicySource.default:Portal default`,
};

/**
 * /approval-policies: per business unit, the approval policy that applies and why (own, inherited
 * from a centre of excellence, or the default), and the contracts that override it. Admins set,
 * edit and remove policies; social leads and reviewers read them.
 */
@Component({
  selector: 'ap-approval-policy-list-page',
  imports: [
    ApprovalStepsList,
    LoadError,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    RouterLink,
    StatusChip,
  ],
  templateUrl: './approval-policy-list-page.html',
  styles: `
    .ap-unit-policies {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(340px, 1fr));
      gap: 16px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .ap-unit-policy__head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    h3 {
      font: var(--mat-sys-title-medium);
    }
    .ap-hint {
      margin: 4px 0 8px;
    }
    .ap-unit-policy__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApprovalPolicyListPage {
  protected readonly removePolicyLabel = (unit: string): string => $localize`Remove the policy of ${unit}:unit:`;
  protected readonly editOverrideLabel = (reference: string): string => $localize`Edit the override of ${reference}:reference:`;
  protected readonly removeOverrideLabel = (reference: string): string => $localize`Remove the override of ${reference}:reference:`;
  protected readonly editPolicyLabel = (unit: string): string => $localize`Edit the policy of ${unit}:unit:`;
  protected readonly setPolicyLabel = (unit: string): string => $localize`Set a policy for ${unit}:unit:`;
  private readonly auth = inject(AuthService);
  private readonly policyService = inject(ApprovalPolicyService);
  private readonly unitService = inject(BusinessUnitService);
  private readonly contractService = inject(ContractService);
  private readonly userService = inject(UserService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);

  protected readonly sourceLabels = SOURCE_LABELS;
  protected readonly canManage = computed(() => this.auth.hasPermission('approval_policy:manage'));
  protected readonly policies = createLoader(
    () => true,
    () => this.policyService.list(),
  );
  protected readonly units = createLoader(
    () => true,
    () => this.unitService.list(),
  );
  protected readonly contracts = createLoader(
    () => (this.auth.hasPermission('contract:read') ? true : undefined),
    () => this.contractService.list(),
  );
  private readonly users = createLoader(
    () => (this.auth.hasPermission('user:read') ? true : undefined),
    () => this.userService.list({ kind: 'in_house' }),
  );
  protected readonly userNames = computed<ReadonlyMap<string, string>>(
    () => new Map((this.users.value() ?? []).map((user) => [user.id, user.name])),
  );
  protected readonly loading = computed(() => this.policies.loading() || this.units.loading());
  protected readonly loadError = computed(() => this.policies.error() ?? this.units.error());
  protected readonly unitViews = computed(() =>
    unitPolicyViews(this.units.value() ?? [], this.policies.value() ?? []),
  );
  protected readonly contractOverrides = computed(() => {
    const contracts = new Map((this.contracts.value() ?? []).map((contract) => [contract.id, contract]));
    return (this.policies.value() ?? [])
      .filter((policy): policy is ApprovalPolicyDto & { contractId: string } => policy.contractId !== null)
      .map((policy) => ({ policy, contract: contracts.get(policy.contractId) ?? null }));
  });
  protected readonly removing = signal(false);

  /** "Decentralised · part of Global Social." */
  protected unitContext(unit: BusinessUnitDto): string {
    const model = OPERATING_MODEL_LABELS[unit.operatingModel];
    return unit.parentName
      ? $localize`:Operating model, then the parent unit@@unit.modelAndParent:${model}:model: · part of ${unit.parentName}:parent:.`
      : $localize`:Operating model of a unit@@unit.model:${model}:model:.`;
  }

  protected editPolicy(scope: PolicyScope, id: string): void {
    void this.router.navigate([
      '/approval-policies',
      scope === 'business_unit' ? 'business-units' : 'contracts',
      id,
    ]);
  }

  protected removePolicy(scope: PolicyScope, id: string, name: string): void {
    openConfirmDialog(this.dialog, {
      title: $localize`Remove this policy?`,
      message:
        scope === 'business_unit'
          ? $localize`${name}:unit: goes back to the policy it inherits (or the portal default). Reviews under way keep their steps.`
          : $localize`The contract ${name}:reference: goes back to its business unit’s policy.`,
      confirmLabel: $localize`Remove policy`,
      destructive: true,
    })
      .pipe(
        filter((confirmed) => confirmed),
        switchMap(() => {
          this.removing.set(true);
          return this.policyService.remove(scope, id);
        }),
      )
      .subscribe({
        next: () => {
          this.removing.set(false);
          this.notifier.success($localize`Policy removed.`);
          this.policies.reload();
        },
        error: () => this.removing.set(false),
      });
  }

  protected reloadAll(): void {
    this.policies.reload();
    this.units.reload();
  }
}
