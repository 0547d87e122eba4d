import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import type { ApiErrorBody, CreateAgencyRequest } from '@agency-portal/shared';
import { createLoader } from '../../core/data/loader';
import { toApiError } from '../../core/http/api-error';
import { Notifier } from '../../core/notify/notifier';
import { LoadError } from '../../shared/ui/load-error';
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
        @if (agency.loading() || saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading" i18n-aria-label />
        }
      </div>
      @if (agency.error(); as error) {
        <ap-load-error [error]="error" (retry)="agency.reload()" />
      } @else if (!id() || agency.value()) {
        <mat-card appearance="outlined">
          <mat-card-content>
            <ap-agency-form
              [agency]="agency.value() ?? null"
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
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);

  protected readonly agency = createLoader(
    () => this.id(),
    (id) => this.agencies.get(id),
  );
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

  protected leave(): void {
    const id = this.id();
    void this.router.navigate(id ? ['/agencies', id] : ['/agencies']);
  }
}
