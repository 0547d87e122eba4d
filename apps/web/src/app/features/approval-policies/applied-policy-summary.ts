import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { AppliedPolicyDto } from '@agency-portal/shared';
import { ApprovalStepsList } from './approval-steps-list';

/**
 * The approval policy that applies to a contract's deliverables and why; for policy managers,
 * "Override for this contract", or "Edit override" and "Remove override".
 */
@Component({
  selector: 'ap-applied-policy-summary',
  imports: [ApprovalStepsList, MatButtonModule],
  template: `
    <p class="ap-policy-name">
      <strong data-testid="contract-policy-name">{{ policy().name }}</strong>
    </p>
    <p class="ap-hint" data-testid="contract-policy-explanation">{{ policy().explanation }}</p>
    <ap-approval-steps-list [steps]="policy().steps" [userNames]="userNames()" />
    @if (canManage()) {
      <div class="ap-policy-actions">
        @if (policy().source === 'contract') {
          <button i18n matButton="outlined" type="button" [disabled]="busy()" (click)="edit.emit()">
            Edit override
          </button>
          <button i18n matButton type="button" class="ap-danger" [disabled]="busy()" (click)="remove.emit()">
            Remove override
          </button>
        } @else {
          <button i18n matButton="outlined" type="button" [disabled]="busy()" (click)="edit.emit()">
            Override for this contract
          </button>
        }
      </div>
    }
  `,
  styles: `
    .ap-policy-name {
      margin: 0;
    }
    .ap-hint {
      margin: 4px 0 12px;
    }
    .ap-policy-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppliedPolicySummary {
  readonly policy = input.required<AppliedPolicyDto>();
  readonly canManage = input(false);
  readonly busy = input(false);
  readonly userNames = input<ReadonlyMap<string, string>>(new Map());
  readonly edit = output();
  readonly remove = output();
}
