import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import type { CreateAgencyRequest } from '@agency-portal/shared';
import { createLoader } from '../../core/data/loader';
import { Notifier } from '../../core/notify/notifier';
import { EditFormTemplate, EditPage } from '../../shared/forms/edit-page';
import { createMutation } from '../../shared/ui/mutation';
import { AgencyForm } from './agency-form';
import { AgencyService } from './agency.service';

/** Creates (/agencies/new) or edits (/agencies/:id/edit) an agency. */
@Component({
  selector: 'ap-agency-edit-page',
  imports: [AgencyForm, EditFormTemplate, EditPage],
  template: `
    <ap-edit-page
      [busy]="agency.loading() || saving.pending()"
      [loadError]="agency.error()"
      [ready]="!id() || !!agency.value()"
      (retry)="agency.reload()"
    >
      <div editPageHeader>
        @if (id()) {
          <h1 i18n>Edit agency</h1>
        } @else {
          <h1 i18n>New agency</h1>
        }
        @if (agency.value(); as current) {
          <p class="ap-subtitle">{{ current.name }}</p>
        }
      </div>
      <ng-template apEditForm>
        <ap-agency-form
          [agency]="agency.value() ?? null"
          [saving]="saving.pending()"
          [serverError]="saving.error()"
          (save)="saveAgency($event)"
          (cancelled)="leave()"
        />
      </ng-template>
    </ap-edit-page>
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
  protected readonly saving = createMutation();

  protected saveAgency(request: CreateAgencyRequest): void {
    const id = this.id();
    this.saving.run(id ? this.agencies.update(id, request) : this.agencies.create(request), {
      leaves: true,
      next: (agency) => {
        this.notifier.success($localize`Agency “${agency.name}:name:” saved.`);
        void this.router.navigate(['/agencies', agency.id]);
      },
    });
  }

  protected leave(): void {
    const id = this.id();
    void this.router.navigate(id ? ['/agencies', id] : ['/agencies']);
  }
}
