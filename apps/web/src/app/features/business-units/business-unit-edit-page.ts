import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import type { ApiErrorBody, CreateBusinessUnitRequest } from '@agency-portal/shared';
import { createLoader } from '../../core/data/loader';
import { toApiError } from '../../core/http/api-error';
import { Notifier } from '../../core/notify/notifier';
import { LoadError } from '../../shared/ui/load-error';
import { BusinessUnitForm } from './business-unit-form';
import { BusinessUnitService } from './business-unit.service';

/** Creates (/business-units/new) or edits (/business-units/:id/edit) a business unit. */
@Component({
  selector: 'ap-business-unit-edit-page',
  imports: [BusinessUnitForm, LoadError, MatCardModule, MatProgressBarModule],
  template: `
    <section class="ap-page ap-page--narrow">
      <header class="ap-page-header">
        @if (id()) {
          <h1 i18n>Edit business unit</h1>
        } @else {
          <h1 i18n>New business unit</h1>
        }
      </header>
      <div class="ap-progress-slot">
        @if (unit.loading() || saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading" i18n-aria-label />
        }
      </div>
      @if (unit.error(); as error) {
        <ap-load-error [error]="error" (retry)="unit.reload()" />
      } @else if (!id() || unit.value()) {
        <mat-card appearance="outlined">
          <mat-card-content>
            <ap-business-unit-form
              [unit]="unit.value() ?? null"
              [saving]="saving()"
              [serverError]="serverError()"
              (save)="saveUnit($event)"
              (cancelled)="returnToList()"
            />
          </mat-card-content>
        </mat-card>
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BusinessUnitEditPage {
  /** Route parameter; absent when creating. */
  readonly id = input<string>();

  private readonly service = inject(BusinessUnitService);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);

  protected readonly unit = createLoader(
    () => this.id(),
    (id) => this.service.get(id),
  );
  protected readonly saving = signal(false);
  protected readonly serverError = signal<ApiErrorBody | null>(null);

  protected saveUnit(request: CreateBusinessUnitRequest): void {
    const id = this.id();
    this.saving.set(true);
    this.serverError.set(null);
    const save = id ? this.service.update(id, request) : this.service.create(request);
    save.subscribe({
      next: (unit) => {
        this.notifier.success($localize`Business unit “${unit.name}:name:” saved.`);
        this.returnToList();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.serverError.set(toApiError(error));
      },
    });
  }

  protected returnToList(): void {
    void this.router.navigate(['/business-units']);
  }
}
