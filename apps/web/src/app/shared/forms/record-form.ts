import { ChangeDetectionStrategy, Component, Directive, input, output } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import type { ApiErrorBody } from '@agency-portal/shared';

/**
 * What every create / edit form takes from its page and tells it: `saving` (Save is disabled
 * meanwhile), the server's answer to a failed save (`serverError`, for `serverErrorsOn`), `save`
 * with the request once the form is valid, and `cancelled`. The page owns the save
 * (`createMutation`) and where to go next.
 */
@Directive()
export abstract class RecordForm<R> {
  readonly saving = input(false);
  readonly serverError = input<ApiErrorBody | null>(null);
  readonly save = output<R>();
  readonly cancelled = output();

  /** Emits `save` with the request when `form` is valid; otherwise shows every field's message. */
  protected submitWhenValid(form: AbstractControl, request: () => R): void {
    if (form.invalid) {
      form.markAllAsTouched();
      return;
    }
    this.save.emit(request());
  }
}

/** Cancel and Save at the end of a form (Save submits it, so it must stand inside the `<form>`). */
@Component({
  selector: 'ap-form-actions',
  imports: [MatButtonModule],
  template: `
    <div class="ap-form-actions">
      <button i18n matButton type="button" (click)="cancelled.emit()">Cancel</button>
      <button i18n matButton="filled" type="submit" [disabled]="saving()">Save</button>
    </div>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormActions {
  readonly saving = input(false);
  readonly cancelled = output();
}
