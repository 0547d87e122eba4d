import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { ApiErrorBody, CreateContractRequest, UserRef } from '@agency-portal/shared';
import { canDoContractAction } from '@agency-portal/shared';
import { CONTRACT_STATUS_LABELS } from '../../shared/i18n/labels';
import { map } from 'rxjs';
import { createLoader } from '../../core/data/loader';
import { toApiError } from '../../core/http/api-error';
import { Notifier } from '../../core/notify/notifier';
import { LoadError } from '../../shared/ui/load-error';
import { AgencyService } from '../agencies/agency.service';
import { BusinessUnitService } from '../business-units/business-unit.service';
import { GoalService } from '../goals/goal.service';
import { UserService } from '../users/user.service';
import { ContractForm, type NamedOption } from './contract-form';
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
      } @else if (ready()) {
        @if (goalsError(); as error) {
          <ap-load-error [error]="error" (retry)="reloadGoals()" />
        }
        <mat-card appearance="outlined">
          <mat-card-content>
            <ap-contract-form
              [contract]="contract.value() ?? null"
              [agencies]="agencyOptions()"
              [businessUnits]="units.value() ?? []"
              [ownerOptions]="ownerOptions()"
              [goalOptions]="goalOptions()"
              [saving]="saving()"
              [serverError]="serverError()"
              (businessUnitChange)="selectedUnitId.set($event)"
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
  private readonly agencyService = inject(AgencyService);
  private readonly businessUnits = inject(BusinessUnitService);
  private readonly users = inject(UserService);
  private readonly goals = inject(GoalService);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);

  protected readonly contract = createLoader(
    () => this.id(),
    (id) => this.contracts.get(id),
  );
  protected readonly agencies = createLoader(
    () => true,
    () => this.agencyService.list('active'),
  );
  protected readonly units = createLoader(
    () => true,
    () => this.businessUnits.list(),
  );
  protected readonly owners = createLoader(
    () => true,
    () => this.users.list({ kind: 'in_house', active: true }),
  );
  /** The business unit chosen in the form: allocations may only go to its goals. */
  protected readonly selectedUnitId = signal('');
  private readonly unitGoals = createLoader(
    () => this.selectedUnitId() || undefined,
    (businessUnitId) => this.goals.list({ businessUnitId }).pipe(map((goals) => ({ businessUnitId, goals }))),
  );

  protected readonly loading = computed(
    () => this.contract.loading() || this.agencies.loading() || this.units.loading() || this.owners.loading(),
  );
  protected readonly loadError = computed(
    () => this.contract.error() ?? this.agencies.error() ?? this.units.error() ?? this.owners.error(),
  );
  /** A failed goal load keeps the form (and what was typed) on screen. */
  protected readonly goalsError = this.unitGoals.error;
  protected readonly ready = computed(
    () =>
      this.agencies.value() !== undefined &&
      this.units.value() !== undefined &&
      this.owners.value() !== undefined &&
      (!this.id() || this.contract.value() !== undefined),
  );
  /** Expired and terminated contracts can no longer be edited. */
  protected readonly closedStatus = computed(() => {
    const status = this.contract.value()?.status;
    return status && !canDoContractAction(status, 'edit')
      ? CONTRACT_STATUS_LABELS[status]
      : null;
  });
  /** Active agencies, plus the contract's own should it have been offboarded since. */
  protected readonly agencyOptions = computed<NamedOption[]>(() => {
    const options = (this.agencies.value() ?? []).map(({ id, name }) => ({ id, name }));
    const current = this.contract.value();
    if (current && !options.some((option) => option.id === current.agencyId)) {
      options.unshift({ id: current.agencyId, name: current.agencyName });
    }
    return options;
  });
  /** Active in-house users, plus the current owner should they no longer be one. */
  protected readonly ownerOptions = computed<UserRef[]>(() => {
    const options: UserRef[] = (this.owners.value() ?? []).map(({ id, name, email }) => ({
      id,
      name,
      email,
    }));
    const currentOwner = this.contract.value()?.owner;
    if (currentOwner && !options.some((option) => option.id === currentOwner.id)) {
      options.unshift(currentOwner);
    }
    return options;
  });
  /** Goals of the chosen unit (null until they are loaded), plus goals the contract already serves there. */
  protected readonly goalOptions = computed<NamedOption[] | null>(() => {
    const unitId = this.selectedUnitId();
    const loaded = this.unitGoals.value();
    if (!unitId || loaded?.businessUnitId !== unitId) {
      return null;
    }
    const options = loaded.goals.map(({ id, name }) => ({ id, name }));
    const current = this.contract.value();
    if (current?.businessUnitId === unitId) {
      for (const allocation of current.allocations) {
        if (!options.some((option) => option.id === allocation.goalId)) {
          options.push({ id: allocation.goalId, name: allocation.goalName });
        }
      }
    }
    return options;
  });
  protected readonly saving = signal(false);
  protected readonly serverError = signal<ApiErrorBody | null>(null);

  constructor() {
    // Editing: the contract's unit is the chosen one until the form says otherwise.
    effect(() => {
      const current = this.contract.value();
      if (current) {
        this.selectedUnitId.set(current.businessUnitId);
      }
    });
  }

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
    this.agencies.reload();
    this.units.reload();
    this.owners.reload();
    this.unitGoals.reload();
  }

  protected reloadGoals(): void {
    this.unitGoals.reload();
  }

  protected leave(): void {
    const id = this.id();
    void this.router.navigate(id ? ['/contracts', id] : ['/contracts']);
  }
}
