import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { BriefAction, BriefStatus, Role } from '@agency-portal/shared';
import { briefActions } from '@agency-portal/shared';
import { BRIEF_ACTION_LABELS } from './brief-labels';

type ActionStyle = 'filled' | 'outlined' | 'tonal';

const STYLES: Record<BriefAction, ActionStyle> = {
  edit: 'outlined',
  send: 'filled',
  override_budget: 'tonal',
  accept: 'filled',
  decline: 'outlined',
  cancel: 'outlined',
  complete: 'filled',
};

const DESTRUCTIVE: ReadonlySet<BriefAction> = new Set<BriefAction>(['decline', 'cancel']);

/**
 * The brief's lifecycle buttons: exactly the actions the shared workflow allows this role in this
 * status (`briefActions`), so nobody sees a button the API would refuse. "Override budget" shows
 * only while the estimate would take the contract past its cap and no override is recorded.
 */
@Component({
  selector: 'ap-brief-actions',
  imports: [MatButtonModule],
  template: `
    @for (action of actions(); track action) {
      <button
        type="button"
        [matButton]="styles[action]"
        [class.ap-danger]="destructive.has(action)"
        [disabled]="busy()"
        (click)="act.emit(action)"
      >
        {{ labels[action] }}
      </button>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BriefActions {
  readonly status = input.required<BriefStatus>();
  readonly role = input.required<Role>();
  /** Whether accepting would exceed the contract's cap with no override yet. */
  readonly offerBudgetOverride = input(false);
  readonly busy = input(false);
  readonly act = output<BriefAction>();

  protected readonly labels = BRIEF_ACTION_LABELS;
  protected readonly styles = STYLES;
  protected readonly destructive = DESTRUCTIVE;
  protected readonly actions = computed(() =>
    briefActions(this.status(), this.role()).filter(
      (action) => action !== 'override_budget' || this.offerBudgetOverride(),
    ),
  );
}
