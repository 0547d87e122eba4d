import { ChangeDetectionStrategy, Component, LOCALE_ID, inject, input } from '@angular/core';
import type { ApprovalStepDto } from '@agency-portal/shared';
import { approversText } from '../deliverables/deliverable-labels';

/** A policy's steps in order: name, who decides, and the SLA. */
@Component({
  selector: 'ap-approval-steps-list',
  template: `
    <ol class="ap-steps" [attr.aria-label]="label()">
      @for (step of steps(); track $index) {
        <li>
          <span class="ap-steps__name">{{ step.name }}</span>
          <span i18n class="ap-steps__meta"
            >{{ approvers(step) }} · SLA
            {step.slaHours, plural, =1 {1 hour} other {{{ step.slaHours }} hours}}</span
          >
        </li>
      } @empty {
        <li i18n class="ap-steps__meta">No steps: versions are approved as soon as they are submitted.</li>
      }
    </ol>
  `,
  styles: `
    .ap-steps {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin: 0;
      padding-left: 20px;
    }
    .ap-steps__name {
      font-weight: 500;
    }
    .ap-steps__meta {
      margin-left: 8px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApprovalStepsList {
  readonly steps = input.required<ApprovalStepDto[]>();
  readonly label = input($localize`Approval steps`);
  readonly userNames = input<ReadonlyMap<string, string>>(new Map());

  private readonly locale = inject(LOCALE_ID);
  protected readonly approvers = (step: ApprovalStepDto): string =>
    approversText(step, this.userNames(), this.locale);
}
