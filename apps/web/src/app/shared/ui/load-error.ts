import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { ApiErrorBody } from '@agency-portal/shared';

/** Shown where data could not be loaded, with a way to try again. */
@Component({
  selector: 'ap-load-error',
  imports: [MatButtonModule],
  template: `
    <div class="ap-form-error" role="alert">
      <p>{{ error().message }}</p>
      @if (error().code !== 'not_found') {
        <button i18n matButton type="button" (click)="retry.emit()">Try again</button>
      }
    </div>
  `,
  styles: `
    .ap-form-error {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
    }
    p {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadError {
  readonly error = input.required<ApiErrorBody>();
  readonly retry = output();
}
