import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type {
  ApiErrorBody,
  SpendExportFormat,
  SpendExportView,
  SpendReportQuery,
} from '@agency-portal/shared';
import type { Subscription } from 'rxjs';
import { toApiError } from '../../core/http/api-error';
import { saveBlob } from '../../shared/files/save-file';
import { SpendService } from './spend.service';

type ExportKind = 'csv' | 'csv-lines' | 'xlsx';

const KINDS: Record<ExportKind, { format: SpendExportFormat; view?: SpendExportView }> = {
  csv: { format: 'csv', view: 'summary' },
  'csv-lines': { format: 'csv', view: 'lines' },
  xlsx: { format: 'xlsx' },
};

/**
 * Downloads the report on screen — the same filters and grouping — as CSV (the groups, or every
 * line) or XLSX (both sheets), with the progress while the server streams it and its error if it fails.
 */
@Component({
  selector: 'ap-spend-export',
  imports: [MatButtonModule, MatProgressBarModule],
  template: `
    <div class="ap-spend-export" role="group" aria-label="Export this report" i18n-aria-label>
      <button
        i18n="Downloads the report's groups as CSV"
        matButton="outlined"
        type="button"
        [disabled]="busy() !== null"
        (click)="download('csv')"
      >
        CSV
      </button>
      <button
        i18n="Downloads every invoice line of the report as CSV"
        matButton="outlined"
        type="button"
        [disabled]="busy() !== null"
        (click)="download('csv-lines')"
      >
        CSV of lines
      </button>
      <button
        i18n="Downloads the report as an Excel workbook"
        matButton="outlined"
        type="button"
        [disabled]="busy() !== null"
        (click)="download('xlsx')"
      >
        Excel (XLSX)
      </button>
    </div>
    <div class="ap-progress-slot">
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" aria-label="Preparing the export" i18n-aria-label />
      }
    </div>
    <p class="ap-spend-export__status" role="status">
      @if (busy()) {
        <ng-container i18n>Preparing the export…</ng-container>
      } @else if (saved(); as fileName) {
        <ng-container i18n>Downloaded {{ fileName }}.</ng-container>
      }
    </p>
    @if (error(); as error) {
      <div class="ap-form-error" role="alert">
        <p i18n>The export failed: {{ error.message }}</p>
      </div>
    }
  `,
  styles: `
    .ap-spend-export {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .ap-spend-export__status {
      margin: 0;
      min-height: 1.25em;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .ap-form-error p {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SpendExport {
  readonly query = input.required<SpendReportQuery>();

  private readonly spend = inject(SpendService);
  private readonly document = inject(DOCUMENT);
  protected readonly busy = signal<ExportKind | null>(null);
  protected readonly saved = signal<string | null>(null);
  protected readonly error = signal<ApiErrorBody | null>(null);
  private subscription: Subscription | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.subscription?.unsubscribe());
  }

  protected download(kind: ExportKind): void {
    const { format, view } = KINDS[kind];
    this.busy.set(kind);
    this.error.set(null);
    this.saved.set(null);
    this.subscription = this.spend.export(this.query(), format, view).subscribe({
      next: ({ blob, fileName }) => {
        saveBlob(this.document, blob, fileName);
        this.saved.set(fileName);
        this.busy.set(null);
      },
      error: (failure: unknown) => {
        this.error.set(toApiError(failure));
        this.busy.set(null);
      },
    });
  }
}
