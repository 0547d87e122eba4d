import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import type { ApiErrorBody, CreateAgencyRequest, UserRef } from '@agency-portal/shared';
import { createLoader } from '../../core/data/loader';
import { toApiError } from '../../core/http/api-error';
import { Notifier } from '../../core/notify/notifier';
import { LoadError } from '../../shared/ui/load-error';
import { UserService } from '../users/user.service';
import { AgencyForm } from './agency-form';
import { AgencyService } from './agency.service';

/** Creates (/agencies/new) or edits (/agencies/:id/edit) an agency. */
@Component({
  selector: 'ap-agency-edit-page',
  imports: [AgencyForm, LoadError, MatCardModule, MatProgressBarModule],
  template: `
    <section class="ap-page ap-page--narrow">
      <header class="ap-page-header">
        <div>
          @if (id()) {
            <h1 i18n>Edit agency</h1>
          } @else {
            <h1 i18n>New agency</h1>
          }
          @if (agency.value(); as current) {
            <p class="ap-subtitle">{{ current.name }}</p>
          }
        </div>
      </header>
      <div class="ap-progress-slot">
        @if (agency.loading() || owners.loading() || saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading" i18n-aria-label />
        }
      </div>
      @if (agency.error() ?? owners.error(); as error) {
        <ap-load-error [error]="error" (retry)="reloadAll()" />
      } @else if (ready()) {
        <mat-card appearance="outlined">
          <mat-card-content>
            <ap-agency-form
              [agency]="agency.value() ?? null"
              [ownerOptions]="ownerOptions()"
              [saving]="saving()"
              [serverError]="serverError()"
              (save)="saveAgency($event)"
              (cancelled)="leave()"
            />
          </mat-card-content>
        </mat-card>
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgencyEditPage {
  /** Route parameter; absent when creating. */
  readonly id = input<string>();

  private readonly agencies = inject(AgencyService);
  private readonly users = inject(UserService);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);

  protected readonly agency = createLoader(
    () => this.id(),
    (id) => this.agencies.get(id),
  );
  protected readonly owners = createLoader(
    () => true,
    () => this.users.list({ kind: 'in_house', active: true }),
  );
  protected readonly ready = computed(
    () => this.owners.value() !== undefined && (!this.id() || this.agency.value() !== undefined),
  );
  /** Active in-house users, plus the current owner should they no longer be one. */
  protected readonly ownerOptions = computed<UserRef[]>(() => {
    const options: UserRef[] = (this.owners.value() ?? []).map(({ id, name, email }) => ({
      id,
      name,
      email,
    }));
    const currentOwner = this.agency.value()?.relationshipOwner;
    if (currentOwner && !options.some((option) => option.id === currentOwner.id)) {
      options.unshift(currentOwner);
    }
    return options;
  });
  protected readonly saving = signal(false);
  protected readonly serverError = signal<ApiErrorBody | null>(null);

  protected saveAgency(request: CreateAgencyRequest): void {
    const id = this.id();
    this.saving.set(true);
    this.serverError.set(null);
    const save = id ? this.agencies.update(id, request) : this.agencies.create(request);
    save.subscribe({
      next: (agency) => {
        this.notifier.success($localize`Agency “${agency.name}:name:” saved.`);
        void this.router.navigate(['/agencies', agency.id]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.serverError.set(toApiError(error));
      },
    });
  }

  protected reloadAll(): void {
    this.agency.reload();
    this.owners.reload();
  }

  protected leave(): void {
    const id = this.id();
    void this.router.navigate(id ? ['/agencies', id] : ['/agencies']);
  }
}
