import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject, input } from '@angular/core';
import type {
  ApprovalStepDto,
  ApprovalDecisionDto,
  DeliverableDetailDto,
  Person,
  PolicySource,
} from '@agency-portal/shared';
import { DECISION_LABELS } from '../../shared/i18n/labels';
import { DataTable } from '../../shared/table/data-table';
import { type TableColumn, dateCell, textCell } from '../../shared/table/table-column';
import { StatusChip, type StatusTone } from '../../shared/ui/status-chip';
import { approversText } from './deliverable-labels';
import { STEP_STATE_LABELS, type StepState, stepViews } from './review-steps';

const STEP_TONES: Record<StepState, StatusTone> = {
  done: 'active',
  current: 'pending',
  pending: 'neutral',
  changes_requested: 'pending',
  rejected: 'inactive',
};

const SOURCE_LABELS: Record<PolicySource, string> = {
  contract: $localize`:Where the approval policy in force comes from@@policySource.contract:Contract override`,
  business_unit: $localize`:Where the approval policy in force comes from@@policySource.business_unit:Business unit policy`,
  coe_template: $localize`:Where the approval policy in force comes from@@policySource.coe_template:Centre of excellence template`,
  default: $localize`:Where the approval policy in force comes from@@policySource.default:Portal default`,
};

const HISTORY_COLUMNS: readonly TableColumn<ApprovalDecisionDto>[] = [
  { id: 'when', header: $localize`When`, cell: dateCell((decision) => decision.decidedAt, 'dateTime') },
  {
    id: 'version',
    header: $localize`Version`,
    cell: textCell((decision) => $localize`Version ${decision.versionNumber}:INTERPOLATION:`),
  },
  {
    id: 'step',
    header: $localize`Step`,
    cell: textCell((decision) => `${decision.stepIndex + 1}. ${decision.stepName}`),
  },
  { id: 'who', header: $localize`Who`, cell: textCell((decision) => decision.approver.name) },
  {
    id: 'decision',
    header: $localize`Decision`,
    cell: textCell((decision) => DECISION_LABELS[decision.decision]),
  },
  {
    id: 'comment',
    header: $localize`Comment`,
    cellClass: 'ap-multiline',
    cell: textCell((decision) => decision.comment || '—'),
  },
];

/**
 * The review of a deliverable: the approval policy that applies and why, its steps with where the
 * latest version stands and the full history of decisions on every version (the decision itself
 * is the page's DecisionBar, kept in view).
 */
@Component({
  selector: 'ap-review-panel',
  imports: [DataTable, StatusChip],
  template: `
    <div class="ap-policy">
      <p class="ap-policy__name">
        <strong data-testid="policy-name">{{ deliverable().policy.name }}</strong>
        <span class="ap-status">{{ sourceLabels[deliverable().policy.source] }}</span>
      </p>
      <p class="ap-hint" data-testid="policy-explanation">{{ deliverable().policy.explanation }}</p>
    </div>

    <ol class="ap-steps" aria-label="Approval steps" i18n-aria-label>
      @for (view of steps(); track view.index) {
        <li
          class="ap-step"
          [class.ap-step--current]="view.state === 'current'"
          [attr.data-testid]="'step-' + (view.index + 1)"
        >
          <span class="ap-step__number" aria-hidden="true">{{ view.index + 1 }}</span>
          <span class="ap-step__text">
            <span class="ap-step__name">{{ view.step.name }}</span>
            <span i18n class="ap-step__meta"
              >{{ approvers(view.step) }} · SLA
              {view.step.slaHours, plural, =1 {1 hour} other {{{ view.step.slaHours }} hours}}</span
            >
            @if (view.barredForReader) {
              <span i18n class="ap-step__meta" data-testid="step-barred">
                You decided an earlier step of this version; another approver decides this one.
              </span>
            }
          </span>
          <ap-status-chip [label]="stateLabels[view.state]" [tone]="stateTones[view.state]" />
        </li>
      } @empty {
        <li i18n class="ap-hint">
          This policy has no steps: versions are approved as soon as they are submitted.
        </li>
      }
    </ol>

    <h3 i18n class="ap-history-title">Decision history</h3>
    @if (history().length === 0) {
      <p i18n class="ap-hint">No decisions yet.</p>
    } @else {
      <ap-data-table [rows]="history()" [columns]="columns" [label]="historyLabel" />
    }
  `,
  styleUrl: './review-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewPanel {
  readonly deliverable = input.required<DeliverableDetailDto>();
  /** Names of in-house users, for steps assigned to named people (when the user may list users). */
  readonly userNames = input<ReadonlyMap<string, string>>(new Map());
  /** The signed-in person, to say when the one-step-per-person rule leaves a step to someone else. */
  readonly reader = input<Person | null>(null);

  protected readonly sourceLabels = SOURCE_LABELS;
  protected readonly stateLabels = STEP_STATE_LABELS;
  protected readonly stateTones = STEP_TONES;
  protected readonly historyLabel = $localize`Decision history`;
  protected readonly columns = HISTORY_COLUMNS;
  protected readonly steps = computed(() => stepViews(this.deliverable(), this.reader()));
  /** Newest first: every decision on every version. */
  protected readonly history = computed(() =>
    [...this.deliverable().decisions].sort((a, b) => b.decidedAt.localeCompare(a.decidedAt)),
  );
  private readonly locale = inject(LOCALE_ID);
  protected readonly approvers = (step: ApprovalStepDto): string =>
    approversText(step, this.userNames(), this.locale, this.deliverable().contractOwner.name || null);
}
