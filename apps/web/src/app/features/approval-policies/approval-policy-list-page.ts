import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { ApprovalPolicyDto } from '@agency-portal/shared';
import { APPROVAL_POLICY_SORT_KEYS } from '@agency-portal/shared';
import { filter, switchMap } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { Lookups, lookupNames } from '../../core/lookups/lookups';
import { Notifier } from '../../core/notify/notifier';
import { LookupField } from '../../shared/forms/lookup-field';
import { ListFilters } from '../../shared/list/list-filters';
import { createListLoader } from '../../shared/list/list-loader';
import { listQueryState, oneOf, uuid } from '../../shared/list/list-query-state';
import { ListView } from '../../shared/list/list-view';
import { DataTable, TableCellDef } from '../../shared/table/data-table';
import { type TableColumn, dateCell, omitColumns } from '../../shared/table/table-column';
import { openConfirmDialog } from '../../shared/ui/confirm-dialog';
import { StatusChip } from '../../shared/ui/status-chip';
import { type PolicyScope, ApprovalPolicyService } from './approval-policy.service';
import { ApprovalStepsList } from './approval-steps-list';

const KINDS = ['business_unit', 'contract'] as const;

const COLUMNS: readonly TableColumn<ApprovalPolicyDto>[] = [
  { id: 'name', header: $localize`:@@policies.column.name:Policy`, sort: 'name' },
  {
    id: 'target',
    header: $localize`:Column — the unit or contract a policy is for@@policies.column.target:Applies to`,
  },
  {
    id: 'updatedAt',
    header: $localize`:When a record was last changed@@list.updated:Updated`,
    sort: 'updatedAt',
    start: 'desc',
    cell: dateCell((policy) => policy.updatedAt),
  },
  { id: 'actions', header: $localize`Actions`, headerHidden: true, cellClass: 'ap-actions-cell' },
];

/**
 * /approval-policies: every approval policy — a business unit's (a centre of excellence's is the
 * template the units under it inherit) or a contract's override — searchable by name and filtered
 * by kind and unit in the URL. Admins set a unit's policy, edit and remove them; social leads and
 * reviewers read them. Which policy applies to a contract's work, and why, is on the contract and
 * the deliverable pages.
 */
@Component({
  selector: 'ap-approval-policy-list-page',
  imports: [
    ApprovalStepsList,
    ListFilters,
    DataTable,
    ListView,
    LookupField,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    ReactiveFormsModule,
    RouterLink,
    StatusChip,
    TableCellDef,
  ],
  template: `
    <section class="ap-page">
      <header class="ap-page-header">
        <div>
          <h1 i18n>Approval policies</h1>
          <p i18n class="ap-subtitle">
            The steps every deliverable goes through before it is approved: set per business unit (a centre of
            excellence sets a template its units inherit) and overridable per contract.
          </p>
        </div>
      </header>

      @if (canManage()) {
        <form class="ap-set-policy" (submit)="setUnitPolicy($event)" aria-labelledby="set-policy-title">
          <h2 i18n="Heading of the form that opens a unit's policy@@policies.setTitle" id="set-policy-title">
            Set a business unit’s policy
          </h2>
          <div class="ap-set-policy__fields">
            <ap-lookup-field
              label="Business unit"
              i18n-label
              [source]="lookups.units"
              [formControl]="unitToSet"
            />
            <button
              i18n="Opens the policy of the chosen unit@@policies.open"
              matButton="tonal"
              type="submit"
              [disabled]="!unitToSet.value"
            >
              Open its policy
            </button>
          </div>
        </form>
      }

      <ap-list-filters
        [list]="list"
        label="Filter approval policies"
        i18n-label="@@policies.filter"
        searchLabel="Search"
        i18n-searchLabel
        searchPlaceholder="Policy name"
        i18n-searchPlaceholder="@@policies.searchPlaceholder"
      >
        <mat-form-field>
          <mat-label i18n="Filter: unit policies or contract overrides@@policies.kind">Kind</mat-label>
          <mat-select [formControl]="list.form.controls.kind">
            <mat-option i18n="Filter value: every kind of policy@@policies.anyKind" value=""
              >Any kind</mat-option
            >
            <mat-option i18n="Kind of approval policy@@policies.kind.unit" value="business_unit"
              >Business unit policies</mat-option
            >
            <mat-option i18n="Kind of approval policy@@policies.kind.contract" value="contract"
              >Contract overrides</mat-option
            >
          </mat-select>
        </mat-form-field>
        <ap-lookup-field
          label="Business unit"
          i18n-label
          emptyLabel="Any unit"
          i18n-emptyLabel
          clearable
          [source]="lookups.units"
          [formControl]="list.form.controls.businessUnitId"
        />
      </ap-list-filters>

      <ap-list-view
        [list]="list"
        [loader]="policies"
        loadingLabel="Loading approval policies"
        i18n-loadingLabel
      >
        <p listEmpty i18n="No approval policy has been set@@policies.none">
          No policy has been set yet: every deliverable goes through the portal’s default (a social lead
          approves).
        </p>
        <ap-data-table
          [rows]="policies.items()"
          [columns]="columns()"
          [label]="label"
          [sort]="list.sortState()"
          (sortChange)="list.setSort($event)"
        >
          <ng-template apCell="name" [apCellOf]="policies.items()" let-policy>
            <strong>{{ policy.name }}</strong>
            <ap-approval-steps-list [steps]="policy.steps" [userNames]="approverNames()" />
          </ng-template>
          <ng-template apCell="target" [apCellOf]="policies.items()" let-policy>
            @if (policy.contractId) {
              <a [routerLink]="['/contracts', policy.contractId]">{{
                contractNames().get(policy.contractId) ?? contractFallback
              }}</a>
              <div><ap-status-chip label="Contract override" i18n-label tone="active" /></div>
            } @else if (policy.businessUnitId) {
              {{ unitNames().get(policy.businessUnitId) ?? '…' }}
              <div>
                <ap-status-chip
                  label="Business unit policy"
                  i18n-label="@@policies.unitPolicy"
                  tone="neutral"
                />
              </div>
            }
          </ng-template>
          <ng-template apCell="actions" [apCellOf]="policies.items()" let-policy>
            <button
              i18n
              matButton="outlined"
              type="button"
              [attr.aria-label]="editLabel(policy.name)"
              (click)="editPolicy(policy)"
            >
              Edit policy
            </button>
            <button
              i18n
              matButton
              type="button"
              class="ap-danger"
              [disabled]="removing()"
              [attr.aria-label]="removeLabel(policy.name)"
              (click)="removePolicy(policy)"
            >
              Remove
            </button>
          </ng-template>
        </ap-data-table>
      </ap-list-view>
    </section>
  `,
  styles: `
    .ap-set-policy {
      display: flex;
      flex-direction: column;
      gap: 8px;
      h2 {
        font: var(--mat-sys-title-medium);
      }
    }
    .ap-set-policy__fields {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 12px;
      button {
        margin-top: 8px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApprovalPolicyListPage {
  protected readonly editLabel = (name: string): string =>
    $localize`:@@policies.editOne:Edit the policy ${name}:name:`;
  protected readonly removeLabel = (name: string): string =>
    $localize`:@@policies.removeOne:Remove the policy ${name}:name:`;
  protected readonly contractFallback = $localize`A contract`;
  private readonly auth = inject(AuthService);
  private readonly policyService = inject(ApprovalPolicyService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  protected readonly lookups = inject(Lookups);

  protected readonly canManage = computed(() => this.auth.hasPermission('approval_policy:manage'));
  protected readonly label = $localize`:@@policies.table:Approval policies`;
  protected readonly columns = computed(() => omitColumns(COLUMNS, !this.canManage() && 'actions'));
  protected readonly list = listQueryState({
    filters: ['kind', 'businessUnitId'] as const,
    sortKeys: APPROVAL_POLICY_SORT_KEYS,
    defaultSort: 'name',
  });
  protected readonly policies = createListLoader(
    this.list,
    (filters) => ({ kind: oneOf(KINDS, filters.kind), businessUnitId: uuid(filters.businessUnitId) }),
    (query) => this.policyService.list(query),
  );
  /** Names of what this page of policies mentions: units, contracts and named approvers. */
  protected readonly unitNames = lookupNames(
    () => (this.auth.hasPermission('business_unit:read') ? this.lookups.units : null),
    () => this.policies.items().flatMap((policy) => (policy.businessUnitId ? [policy.businessUnitId] : [])),
  );
  protected readonly contractNames = lookupNames(
    () => (this.auth.hasPermission('contract:read') ? this.lookups.contracts : null),
    () => this.policies.items().flatMap((policy) => (policy.contractId ? [policy.contractId] : [])),
  );
  protected readonly approverNames = lookupNames(
    () => (this.auth.hasPermission('user:read') ? this.lookups.users : null),
    () => this.policies.items().flatMap((policy) => policy.steps.flatMap((step) => step.approverUserIds)),
  );
  protected readonly unitToSet = new FormControl('', { nonNullable: true });
  protected readonly removing = signal(false);

  protected setUnitPolicy(event: Event): void {
    event.preventDefault();
    const unitId = this.unitToSet.value;
    if (unitId) void this.router.navigate(['/approval-policies', 'business-units', unitId]);
  }

  protected editPolicy(policy: ApprovalPolicyDto): void {
    const [scope, id] = targetOf(policy);
    void this.router.navigate([
      '/approval-policies',
      scope === 'business_unit' ? 'business-units' : 'contracts',
      id,
    ]);
  }

  protected removePolicy(policy: ApprovalPolicyDto): void {
    const [scope, id] = targetOf(policy);
    openConfirmDialog(this.dialog, {
      title: $localize`Remove this policy?`,
      message:
        scope === 'business_unit'
          ? $localize`${this.unitNames().get(id) ?? policy.name}:unit: goes back to the policy it inherits (or the portal default). Reviews under way keep their steps.`
          : $localize`The contract ${this.contractNames().get(id) ?? ''}:reference: goes back to its business unit’s policy.`,
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
}

function targetOf(policy: ApprovalPolicyDto): [PolicyScope, string] {
  return policy.contractId ? ['contract', policy.contractId] : ['business_unit', policy.businessUnitId ?? ''];
}
