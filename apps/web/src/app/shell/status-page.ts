import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Location } from '@angular/common';
import { RouterLink } from '@angular/router';
import { AuthService } from '../core/auth/auth.service';
import { ROLE_LABELS } from '../shared/i18n/labels';

export type StatusPageKind = 'forbidden' | 'not_found';

/**
 * What a person sees instead of a page they cannot have: one their role may not open (the
 * permission guard shows it at the address they asked for) or one that does not exist. It says
 * which, and offers a way on.
 */
@Component({
  selector: 'ap-status-page',
  imports: [MatButtonModule, RouterLink],
  template: `
    <section class="ap-page ap-page--narrow" data-testid="status-page">
      @if (kind() === 'forbidden') {
        <h1 i18n>You can’t open this page</h1>
        <p i18n>
          Your role ({{ roleLabel() }}) doesn’t give access to {{ address() }}. If you need it for your work,
          ask an administrator of the portal.
        </p>
      } @else {
        <h1 i18n>Page not found</h1>
        <p i18n>
          There is no page at {{ address() }}. The address may be mistyped, or what it showed was removed.
        </p>
      }
      <div class="ap-status-page__actions">
        <a i18n matButton="filled" routerLink="/">Go to your home page</a>
        <button i18n matButton type="button" (click)="goBack()">Back</button>
      </div>
    </section>
  `,
  styles: `
    .ap-status-page__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusPage {
  /** From the route's data. */
  readonly kind = input<StatusPageKind>('not_found');

  private readonly auth = inject(AuthService);
  private readonly location = inject(Location);

  protected readonly roleLabel = computed(() => {
    const user = this.auth.user();
    return user ? ROLE_LABELS[user.role] : '';
  });
  /** The address as the browser shows it (the guard keeps it), without the language prefix. */
  protected readonly address = computed(() => this.location.path() || '/');

  protected goBack(): void {
    this.location.back();
  }
}
