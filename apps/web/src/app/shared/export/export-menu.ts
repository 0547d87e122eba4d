import { DOCUMENT } from '@angular/common';
import { HttpClient, type HttpResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ApiErrorBody } from '@agency-portal/shared';
import type { Subscription } from 'rxjs';
import { toApiError } from '../../core/http/api-error';
import { readableBlobErrors } from '../../core/http/blob-error';
import { silentErrors } from '../../core/http/http-context';
import { toHttpParams } from '../../core/http/query-params';
import { attachmentName, saveBlob } from '../files/save-file';

export type ReportExportFormat = 'csv' | 'xlsx' | 'pdf';

/**
 * The export menu of a report: CSV, XLSX and PDF downloads of what is on screen (the same
 * filters, passed as `params`) and, when `printLink` is set, the printable page. While a file is
 * prepared the button is disabled with a progress bar; a refusal (429 `exports_busy`, 404) shows
 * the server's message.
 */
@Component({
  selector: 'ap-export-menu',
  imports: [MatButtonModule, MatMenuModule, MatProgressBarModule, RouterLink],
  template: `
    <button
      matButton="outlined"
      type="button"
      data-testid="export-menu"
      [matMenuTriggerFor]="menu"
      [disabled]="busy() !== null"
      [attr.aria-busy]="busy() !== null"
    >
      @if (busy()) {
        <ng-container i18n="Export button while a file is being prepared">Exporting…</ng-container>
      } @else {
        <ng-container i18n="Opens the menu of export formats">Export</ng-container>
      }
    </button>
    <mat-menu #menu="matMenu">
      <button mat-menu-item type="button" (click)="download('csv')">
        <span i18n="Export format: comma-separated values">CSV</span>
      </button>
      <button mat-menu-item type="button" (click)="download('xlsx')">
        <span i18n="Export format: an Excel workbook">Excel (XLSX)</span>
      </button>
      <button mat-menu-item type="button" (click)="download('pdf')">
        <span i18n="Export format: a PDF document">PDF</span>
      </button>
      @if (printLink(); as link) {
        <a mat-menu-item [routerLink]="link">
          <span i18n="Opens the printable page of a report">Printable page</span>
        </a>
      }
    </mat-menu>
    <div class="ap-progress-slot">
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" aria-label="Preparing the export" i18n-aria-label />
      }
    </div>
    <p class="ap-export-menu__status" role="status">
      @if (busy()) {
        <ng-container i18n>Preparing the export…</ng-container>
      } @else if (saved(); as fileName) {
        <ng-container i18n>Downloaded {{ fileName }}.</ng-container>
      }
    </p>
    @if (error(); as error) {
      <div class="ap-form-error" role="alert" data-testid="export-error">
        <p i18n>The export failed: {{ error.message }}</p>
      </div>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-direction: column;
      align-items: flex-end;
      gap: 4px;
      max-width: 100%;
    }
    .ap-progress-slot {
      width: 100%;
      min-width: 120px;
    }
    .ap-export-menu__status {
      margin: 0;
      min-height: 1.25em;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
      overflow-wrap: anywhere;
    }
    .ap-form-error p {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExportMenu {
  /** The export route, e.g. `/api/goal-reports/<id>/export`; the format is added as `format`. */
  readonly url = input.required<string>();
  readonly params = input<object>({});
  /** The printable page's router link, if the report has one. */
  readonly printLink = input<string | null>(null);
  /** The file name to fall back to when the server names none (without extension). */
  readonly fallbackName = input('report');

  private readonly http = inject(HttpClient);
  private readonly document = inject(DOCUMENT);
  protected readonly busy = signal<ReportExportFormat | null>(null);
  protected readonly saved = signal<string | null>(null);
  protected readonly error = signal<ApiErrorBody | null>(null);
  private subscription: Subscription | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.subscription?.unsubscribe());
  }

  protected download(format: ReportExportFormat): void {
    this.busy.set(format);
    this.error.set(null);
    this.saved.set(null);
    this.subscription = this.http
      .get(this.url(), {
        params: toHttpParams({ ...this.params(), format }),
        responseType: 'blob',
        observe: 'response',
        context: silentErrors(),
      })
      .pipe(readableBlobErrors())
      .subscribe({
        next: (response: HttpResponse<Blob>) => {
          const fileName = attachmentName(
            response.headers.get('Content-Disposition'),
            `${this.fallbackName()}.${format}`,
          );
          saveBlob(this.document, response.body ?? new Blob([]), fileName);
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
