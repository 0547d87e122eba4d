import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { CreateBriefRequest } from '@agency-portal/shared';
import { canDoBriefAction } from '@agency-portal/shared';
import { BRIEF_STATUS_LABELS } from '../../shared/i18n/labels';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { Notifier } from '../../core/notify/notifier';
import { EditFormTemplate, EditPage } from '../../shared/forms/edit-page';
import { LoadError } from '../../shared/ui/load-error';
import { createMutation } from '../../shared/ui/mutation';
import { ContractService } from '../contracts/contract.service';
import { BriefForm } from './brief-form';
import { BriefService } from './brief.service';

/** Drafts (/briefs/new, optionally ?contractId=) or edits a draft (/briefs/:id/edit). */
@Component({
  selector: 'ap-brief-edit-page',
  imports: [BriefForm, EditFormTemplate, EditPage, LoadError, RouterLink],
  template: `
    <ap-edit-page
      [busy]="loading() || saving.pending()"
      [loadError]="loadError()"
      [blocked]="lockedStatus() !== null"
      [ready]="ready()"
      [maxWidth]="1100"
      (retry)="reloadAll()"
    >
      <div editPageHeader>
        @if (id()) {
          <h1 i18n>Edit brief</h1>
        } @else {
          <h1 i18n>New brief</h1>
        }
        @if (brief.value(); as current) {
          <p class="ap-subtitle">{{ current.contractReference }} · {{ current.title }}</p>
        } @else {
          <p i18n class="ap-subtitle">New briefs start as drafts; the agency sees them once you send them.</p>
        }
      </div>
      <div editPageBlocked>
        @if (lockedStatus(); as status) {
          <div class="ap-notice" role="status">
            <ng-container i18n>Only drafts can be edited. This brief is now “{{ status }}”.</ng-container>
            <a i18n [routerLink]="['/briefs', id()]">Back to the brief</a>
          </div>
        }
      </div>
      <div editPageNotice>
        @if (contract.error(); as error) {
          <ap-load-error [error]="error" (retry)="contract.reload()" />
        }
      </div>
      <ng-template apEditForm>
        <ap-brief-form
          [brief]="brief.value() ?? null"
          [contract]="chosenContract()"
          [initialContractId]="contractId() ?? null"
          [saving]="saving.pending()"
          [serverError]="saving.error()"
          (contractChange)="selectedContractId.set($event)"
          (save)="saveBrief($event)"
          (cancelled)="leave()"
        />
      </ng-template>
    </ap-edit-page>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BriefEditPage {
  /** Route parameter; absent when drafting. */
  readonly id = input<string>();
  /** Query parameter: the contract to draft under. */
  readonly contractId = input<string>();

  private readonly auth = inject(AuthService);
  private readonly briefs = inject(BriefService);
  private readonly contracts = inject(ContractService);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);

  protected readonly brief = createLoader(
    () => this.id(),
    (id) => this.briefs.get(id),
  );
  /** The contract chosen in the form: its allocations and rate card shape the brief. */
  protected readonly selectedContractId = signal('');
  protected readonly contract = createLoader(
    () => this.selectedContractId() || undefined,
    (id) => this.contracts.get(id),
  );
  protected readonly chosenContract = computed(() => {
    const contract = this.contract.value();
    return contract && contract.id === this.selectedContractId() ? contract : null;
  });

  protected readonly loading = computed(() => this.brief.loading() || this.contract.loading());
  protected readonly loadError = this.brief.error;
  protected readonly ready = computed(() => !this.id() || this.brief.value() !== undefined);
  /** Sent, accepted… briefs can no longer be edited. */
  protected readonly lockedStatus = computed(() => {
    const brief = this.brief.value();
    const role = this.auth.user()?.role;
    return brief && role && !canDoBriefAction(brief.status, 'edit', role)
      ? BRIEF_STATUS_LABELS[brief.status]
      : null;
  });
  protected readonly saving = createMutation();

  constructor() {
    // Editing: the brief's contract is the chosen one.
    effect(() => {
      const current = this.brief.value();
      if (current) {
        this.selectedContractId.set(current.contractId);
      }
    });
  }

  protected saveBrief(request: CreateBriefRequest): void {
    const id = this.id();
    const { contractId: _contractId, ...changes } = request;
    this.saving.run(id ? this.briefs.update(id, changes) : this.briefs.create(request), {
      leaves: true,
      next: (brief) => {
        this.notifier.success($localize`Brief “${brief.title}:title:” saved as a draft.`);
        void this.router.navigate(['/briefs', brief.id]);
      },
    });
  }

  protected reloadAll(): void {
    this.brief.reload();
    this.contract.reload();
  }

  protected leave(): void {
    const id = this.id();
    void this.router.navigate(id ? ['/briefs', id] : ['/briefs']);
  }
}
