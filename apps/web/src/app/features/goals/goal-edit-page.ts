import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import type { CreateGoalRequest } from '@agency-portal/shared';
import { createLoader } from '../../core/data/loader';
import { Notifier } from '../../core/notify/notifier';
import { EditFormTemplate, EditPage } from '../../shared/forms/edit-page';
import { createMutation } from '../../shared/ui/mutation';
import { GoalForm } from './goal-form';
import { GoalService } from './goal.service';

/** Creates (/goals/new) or edits (/goals/:id/edit) a marketing goal. */
@Component({
  selector: 'ap-goal-edit-page',
  imports: [EditFormTemplate, EditPage, GoalForm],
  template: `
    <ap-edit-page
      [busy]="goal.loading() || saving.pending()"
      [loadError]="goal.error()"
      [ready]="!id() || !!goal.value()"
      (retry)="goal.reload()"
    >
      <div editPageHeader>
        @if (id()) {
          <h1 i18n>Edit goal</h1>
        } @else {
          <h1 i18n>New goal</h1>
        }
        @if (goal.value(); as current) {
          <p class="ap-subtitle">{{ current.name }}</p>
        }
      </div>
      <ng-template apEditForm>
        <ap-goal-form
          [goal]="goal.value() ?? null"
          [saving]="saving.pending()"
          [serverError]="saving.error()"
          (save)="saveGoal($event)"
          (cancelled)="leave()"
        />
      </ng-template>
    </ap-edit-page>
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
  protected readonly saving = createMutation();

  protected saveGoal(request: CreateGoalRequest): void {
    const id = this.id();
    this.saving.run(id ? this.goals.update(id, request) : this.goals.create(request), {
      leaves: true,
      next: (goal) => {
        this.notifier.success($localize`Goal “${goal.name}:name:” saved.`);
        void this.router.navigate(['/goals', goal.id]);
      },
    });
  }

  protected leave(): void {
    const id = this.id();
    void this.router.navigate(id ? ['/goals', id] : ['/goals']);
  }
}
