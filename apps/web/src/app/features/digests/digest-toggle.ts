import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { ApiErrorBody, DigestSubject, DigestSubscriptionDto } from '@agency-portal/shared';
import { map } from 'rxjs';
import { createLoader } from '../../core/data/loader';
import { toApiError } from '../../core/http/api-error';
import { DigestService } from './digest.service';

/**
 * "Weekly digest": subscribes the signed-in person to the weekly e-mail of a goal or a business
 * unit, or ends the subscription; a pressed toggle button, so its state is read out.
 */
@Component({
  selector: 'ap-digest-toggle',
  imports: [MatButtonModule],
  template: `
    <button
      matButton="outlined"
      type="button"
      data-testid="digest-toggle"
      [attr.aria-pressed]="subscribed()"
      [disabled]="subscription.loading() || pending()"
      (click)="toggleDigest()"
    >
      @if (subscribed()) {
        <ng-container i18n="Toggle button, on: the person gets the weekly e-mail"
          >Weekly digest: on</ng-container
        >
      } @else {
        <ng-container i18n="Toggle button, off: subscribes to the weekly e-mail"
          >Weekly digest: off</ng-container
        >
      }
    </button>
    @if (error(); as failure) {
      <p class="ap-form-error" role="alert">{{ failure.message }}</p>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-direction: column;
      gap: 4px;
    }
    .ap-form-error {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DigestToggle {
  readonly subject = input.required<DigestSubject>();
  readonly subjectId = input.required<string>();

  private readonly digests = inject(DigestService);
  protected readonly pending = signal(false);
  protected readonly error = signal<ApiErrorBody | null>(null);
  protected readonly subscription = createLoader(
    () => ({ subject: this.subject(), id: this.subjectId() }),
    ({ subject, id }) =>
      this.digests
        .list(subject === 'goal' ? { goalId: id, limit: 1 } : { businessUnitId: id, limit: 1 })
        .pipe(map((page): DigestSubscriptionDto | null => page.items[0] ?? null)),
  );
  protected readonly subscribed = computed(() => Boolean(this.subscription.value()));

  protected toggleDigest(): void {
    const current = this.subscription.value();
    this.pending.set(true);
    this.error.set(null);
    const done = {
      error: (failure: unknown) => {
        this.error.set(toApiError(failure));
        this.pending.set(false);
      },
    };
    if (current) {
      this.digests.unsubscribe(current.id).subscribe({
        ...done,
        next: () => {
          this.subscription.set(null);
          this.pending.set(false);
        },
      });
    } else {
      const id = this.subjectId();
      this.digests.subscribe(this.subject() === 'goal' ? { goalId: id } : { businessUnitId: id }).subscribe({
        ...done,
        next: (created) => {
          this.subscription.set(created);
          this.pending.set(false);
        },
      });
    }
  }
}
