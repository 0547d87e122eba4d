import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ApiErrorBody } from '@agency-portal/shared';

/**
 * The message of a failed submission, above the form. Field-level messages are shown under
 * the fields themselves; `unmatched` lists those that belong to no field.
 */
@Component({
  selector: 'ap-form-error-alert',
  template: `
    @if (message(); as message) {
      <div class="ap-form-error" role="alert">
        <p class="ap-form-error__title">{{ message }}</p>
        @for (detail of unmatched(); track detail) {
          <p>{{ detail }}</p>
        }
      </div>
    }
  `,
  styles: `
    p {
      margin: 0;
    }
    .ap-form-error__title {
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormErrorAlert {
  readonly error = input<ApiErrorBody | null>(null);
  readonly unmatched = input<readonly string[]>([]);

  protected readonly message = computed(() => this.error()?.message ?? null);
}
