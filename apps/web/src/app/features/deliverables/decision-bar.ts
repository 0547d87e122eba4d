import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { Decision } from '@agency-portal/shared';
import { DECISION_ACTION_LABELS } from './decision-dialog';

/**
 * Approve, request changes or reject the latest version at the current step. The page keeps it
 * in view: at the top of the side panel that stays beside the asset on a desktop, and as a bar
 * fixed to the bottom of the screen on a phone, so the decision is never a scroll away.
 */
@Component({
  selector: 'ap-decision-bar',
  imports: [MatButtonModule],
  template: `
    <div class="ap-decision" role="group" aria-labelledby="decision-prompt">
      <p i18n id="decision-prompt" class="ap-decision__prompt">
        Your decision on version {{ versionNumber() }} at “{{ stepName() }}”
      </p>
      @if (conflictMessage(); as message) {
        <p class="ap-form-error" role="alert" data-testid="decision-conflict">{{ message }}</p>
      }
      <div class="ap-decision__buttons">
        <button matButton="filled" type="button" [disabled]="deciding()" (click)="decide.emit('approve')">
          {{ actionLabels.approve }}
        </button>
        <button
          matButton="outlined"
          type="button"
          [disabled]="deciding()"
          (click)="decide.emit('request_changes')"
        >
          {{ actionLabels.request_changes }}
        </button>
        <button
          matButton="outlined"
          type="button"
          class="ap-danger"
          [disabled]="deciding()"
          (click)="decide.emit('reject')"
        >
          {{ actionLabels.reject }}
        </button>
      </div>
    </div>
  `,
  styles: `
    .ap-decision {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .ap-decision__prompt {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .ap-decision__buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .ap-form-error {
      margin: 0;
    }
    @media (max-width: 959.98px) {
      .ap-decision {
        gap: 4px;
      }
      .ap-decision__prompt {
        font: var(--mat-sys-label-medium);
      }
      .ap-decision__buttons {
        flex-wrap: nowrap;
        gap: 6px;
      }
      .ap-decision__buttons button {
        flex: 1 1 0;
        min-width: 0;
        padding-inline: 8px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DecisionBar {
  readonly versionNumber = input.required<number>();
  readonly stepName = input.required<string>();
  readonly deciding = input(false);
  /** "Someone decided first…" after a 409. */
  readonly conflictMessage = input<string | null>(null);
  readonly decide = output<Decision>();

  protected readonly actionLabels = DECISION_ACTION_LABELS;
}
