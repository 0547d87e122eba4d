import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import type { CreateBusinessUnitRequest } from '@agency-portal/shared';
import { createLoader } from '../../core/data/loader';
import { Notifier } from '../../core/notify/notifier';
import { EditFormTemplate, EditPage } from '../../shared/forms/edit-page';
import { createMutation } from '../../shared/ui/mutation';
import { BusinessUnitForm } from './business-unit-form';
import { BusinessUnitService } from './business-unit.service';

/** Creates (/business-units/new) or edits (/business-units/:id/edit) a business unit. */
@Component({
  selector: 'ap-business-unit-edit-page',
  imports: [BusinessUnitForm, EditFormTemplate, EditPage],
  template: `
    <ap-edit-page
      [busy]="unit.loading() || saving.pending()"
      [loadError]="unit.error()"
      [ready]="!id() || !!unit.value()"
      (retry)="unit.reload()"
    >
      <div editPageHeader>
        @if (id()) {
          <h1 i18n>Edit business unit</h1>
        } @else {
          <h1 i18n>New business unit</h1>
        }
      </div>
      <ng-template apEditForm>
        <ap-business-unit-form
          [unit]="unit.value() ?? null"
          [saving]="saving.pending()"
          [serverError]="saving.error()"
          (save)="saveUnit($event)"
          (cancelled)="returnToList()"
        />
      </ng-template>
    </ap-edit-page>
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
  protected readonly saving = createMutation();

  protected saveUnit(request: CreateBusinessUnitRequest): void {
    const id = this.id();
    this.saving.run(id ? this.service.update(id, request) : this.service.create(request), {
      leaves: true,
      next: (unit) => {
        this.notifier.success($localize`Business unit “${unit.name}:name:” saved.`);
        this.returnToList();
      },
    });
  }

  protected returnToList(): void {
    void this.router.navigate(['/business-units']);
  }
}
