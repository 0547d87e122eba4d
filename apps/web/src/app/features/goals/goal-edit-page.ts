import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import type { ApiErrorBody, CreateGoalRequest } from '@agency-portal/shared';
import { createLoader } from '../../core/data/loader';
import { toApiError } from '../../core/http/api-error';
import { Notifier } from '../../core/notify/notifier';
import { LoadError } from '../../shared/ui/load-error';
import { GoalForm } from './goal-form';
import { GoalService } from './goal.service';

/** Creates (/goals/new) or edits (/goals/:id/edit) a marketing goal. */
@Component({
  selector: 'ap-goal-edit-page',
  imports: [GoalForm, LoadError, MatCardModule, MatProgressBarModule],
  template: `
    <section class="ap-page ap-page--narrow">
      <header class="ap-page-header">
        <div>
          @if (id()) {
            <h1 i18n>Edit goal</h1>
          } @else {
            <h1 i18n>New goal</h1>
          }
          @if (goal.value(); as current) {
            <p class="ap-subtitle">{{ current.name }}</p>
          }
        </div>
      </header>
      <div class="ap-progress-slot">
        @if (goal.loading() || saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading" i18n-aria-label />
        }
      </div>
      @if (goal.error(); as error) {
        <ap-load-error [error]="error" (retry)="goal.reload()" />
      } @else if (!id() || goal.value()) {
        <mat-card appearance="outlined">
          <mat-card-content>
            <ap-goal-form
              [goal]="goal.value() ?? null"
              [saving]="saving()"
              [serverError]="serverError()"
              (save)="saveGoal($event)"
              (cancelled)="leave()"
            />
          </mat-card-content>
        </mat-card>
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalEditPage {
  /** Route parameter; absent when creating. */
  readonly id = input<string>();

  private readonly goals = inject(GoalService);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);

  protected readonly goal = createLoader(
    () => this.id(),
    (id) => this.goals.get(id),
  );
  protected readonly saving = signal(false);
  protected readonly serverError = signal<ApiErrorBody | null>(null);

  protected saveGoal(request: CreateGoalRequest): void {
    const id = this.id();
    this.saving.set(true);
    this.serverError.set(null);
    const save = id ? this.goals.update(id, request) : this.goals.create(request);
    save.subscribe({
      next: (goal) => {
        this.notifier.success($localize`Goal “${goal.name}:name:” saved.`);
        void this.router.navigate(['/goals', goal.id]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.serverError.set(toApiError(error));
      },
    });
  }

  protected leave(): void {
    const id = this.id();
    void this.router.navigate(id ? ['/goals', id] : ['/goals']);
  }
}
