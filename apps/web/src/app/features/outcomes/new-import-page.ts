import { HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  LOCALE_ID,
  computed,
  inject,
  signal,
} from '@angular/core';
import { DOCUMENT, PercentPipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { ImportTarget } from '@agency-portal/shared';
import type { Subscription } from 'rxjs';
import { createLoader } from '../../core/data/loader';
import { describeError } from '../../core/http/api-error';
import { Notifier } from '../../core/notify/notifier';
import { saveBlob } from '../../shared/files/save-file';
import { FileSizePipe } from '../../shared/format/file-size.pipe';
import { IMPORT_FILE_ACCEPT, fileProblem, uploadErrorText } from './import-file';
import { ImportService } from './import.service';

const TEMPLATE_FILE_NAMES: Record<ImportTarget, string> = {
  deliverables: 'metrics-template.csv',
  goal: 'goal-outcomes-template.csv',
};

/**
 * /imports/new, step 1 of 3: choose a CSV or XLSX file (drop it or use the file button) and upload
 * it with a progress bar. The server reads its header and a few rows; step 2 (mapping) is the
 * import's own page.
 */
@Component({
  selector: 'ap-new-import-page',
  imports: [FileSizePipe, MatButtonModule, MatProgressBarModule, PercentPipe, RouterLink],
  template: `
    <section class="ap-page">
      <a i18n="@@imports.backToList" class="ap-back" routerLink="/imports">← All imports</a>
      <header class="ap-page-header">
        <div>
          <h1 i18n="@@newImport.title">Import a file of figures</h1>
          <p i18n="@@newImport.steps" class="ap-subtitle">
            Step 1 of 3: choose the file. Then map its columns, then import it.
          </p>
        </div>
      </header>

      <div
        class="ap-dropzone"
        [class.ap-dropzone--over]="dragging()"
        data-testid="import-dropzone"
        (dragenter)="dragOver($event)"
        (dragover)="dragOver($event)"
        (dragleave)="dragging.set(false)"
        (drop)="dropFile($event)"
      >
        <p i18n="@@newImport.drop" class="ap-dropzone__lead">Drop a CSV or XLSX file here, or choose one.</p>
        <label i18n="@@newImport.fileLabel" class="ap-upload__label" for="import-file"
          >Metrics file (CSV or XLSX)</label
        >
        <input
          #fileInput
          id="import-file"
          type="file"
          [accept]="accept"
          aria-describedby="import-file-hint"
          [attr.aria-invalid]="problem() !== null"
          [disabled]="uploading()"
          (change)="chooseFile(fileInput.files); fileInput.value = ''"
        />
        <p class="ap-hint" id="import-file-hint">
          @if (maxBytes(); as max) {
            <ng-container i18n="@@newImport.hint"
              >A platform's own export (Meta Business Suite, TikTok Studio, YouTube Studio, LinkedIn, X,
              Klaviyo, GA4, AppsFlyer) or our template, up to {{ max | fileSize }}. Its content decides, not
              its name.</ng-container
            >
          } @else {
            <ng-container i18n="@@newImport.hintNoSize"
              >A platform's own export (Meta Business Suite, TikTok Studio, YouTube Studio, LinkedIn, X,
              Klaviyo, GA4, AppsFlyer) or our template. Its content decides, not its name.</ng-container
            >
          }
        </p>
      </div>

      @if (problem(); as problem) {
        <p class="ap-form-error" role="alert" data-testid="import-file-error">{{ problem }}</p>
      }

      @if (uploading()) {
        <div class="ap-upload__progress">
          <mat-progress-bar
            mode="determinate"
            [value]="progress()"
            aria-label="Upload progress"
            i18n-aria-label="@@newImport.progressLabel"
          />
          <span i18n="@@newImport.uploading" role="status"
            >Uploading {{ fileName() }}… {{ progress() / 100 | percent }}</span
          >
          <button i18n="@@newImport.cancel" matButton type="button" (click)="cancelUpload()">Cancel</button>
        </div>
      }

      <section class="ap-import-help" aria-labelledby="import-format-heading">
        <h2 i18n="@@newImport.formatHeading" id="import-format-heading">What the file may hold</h2>
        <p i18n="@@newImport.formatPlatforms">
          Export the posts' figures from the platform as it offers them: the next step recognises the columns
          of Meta Business Suite, TikTok Studio, YouTube Studio, LinkedIn, X, Klaviyo, GA4 and AppsFlyer
          exports. Exports with one row per post over a range: export one day at a time.
        </p>
        <p i18n="@@newImport.formatTemplate">
          Or fill in our template: one row per deliverable, day and channel, with the deliverable's id or post
          link, the date as YYYY-MM-DD, whole numbers for the counts (blank: not reported), revenue with a
          full stop as decimal mark and its currency (KRW, IDR, USD). The whole file is checked first: it is
          imported whole or refused with every line's problem, and nothing is stored.
        </p>
        <div class="ap-form-actions">
          <button
            i18n="@@newImport.template"
            matButton="outlined"
            type="button"
            (click)="downloadTemplate('deliverables')"
          >
            Download the template (CSV)
          </button>
          <button i18n="@@newImport.goalTemplate" matButton type="button" (click)="downloadTemplate('goal')">
            Template for a goal's own outcomes
          </button>
        </div>
      </section>
    </section>
  `,
  styles: `
    .ap-dropzone {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 24px 16px;
      border: 2px dashed var(--mat-sys-outline);
      border-radius: 12px;
      max-width: 100%;
      box-sizing: border-box;
    }
    .ap-dropzone--over {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-surface-container);
    }
    .ap-dropzone__lead {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .ap-dropzone input {
      max-width: 100%;
    }
    .ap-upload__progress {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      margin-top: 16px;
    }
    .ap-upload__progress mat-progress-bar {
      flex: 1 1 100%;
    }
    .ap-import-help {
      margin-top: 32px;
      max-width: 72ch;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewImportPage {
  private readonly imports = inject(ImportService);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly locale = inject(LOCALE_ID);
  private readonly document = inject(DOCUMENT);

  protected readonly accept = IMPORT_FILE_ACCEPT;
  private readonly format = createLoader(
    () => true,
    () => this.imports.format(),
  );
  protected readonly maxBytes = computed(() => this.format.value()?.maxFileBytes ?? null);
  protected readonly dragging = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly progress = signal(0);
  protected readonly fileName = signal('');
  protected readonly uploading = computed(() => this.subscription() !== null);
  private readonly subscription = signal<Subscription | null>(null);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.subscription()?.unsubscribe());
  }

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging.set(true);
  }

  protected dropFile(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    this.chooseFile(event.dataTransfer?.files ?? null);
  }

  protected chooseFile(files: FileList | null): void {
    const file = files?.[0];
    if (!file || this.uploading()) return;
    if (files.length > 1) {
      this.problem.set($localize`:@@newImport.oneFile:Choose one file at a time.`);
      return;
    }
    const problem = fileProblem(file, this.maxBytes(), this.locale);
    this.problem.set(problem);
    if (!problem) this.upload(file);
  }

  protected cancelUpload(): void {
    this.subscription()?.unsubscribe();
    this.subscription.set(null);
  }

  protected downloadTemplate(target: ImportTarget): void {
    this.imports.template(target).subscribe({
      next: (blob) => saveBlob(this.document, blob, TEMPLATE_FILE_NAMES[target]),
      error: (error: unknown) => this.notifier.error(describeError(error)),
    });
  }

  private upload(file: File): void {
    this.progress.set(0);
    this.fileName.set(file.name);
    const subscription = this.imports.upload(file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress && event.total) {
          // Share of the bytes sent, for the progress bar.
          this.progress.set(Math.round((event.loaded / event.total) * 100));
        } else if (event.type === HttpEventType.Response && event.body) {
          this.subscription.set(null);
          void this.router.navigate(['/imports', event.body.id]);
        }
      },
      error: (error: unknown) => {
        this.subscription.set(null);
        this.problem.set(uploadErrorText(error, file, this.maxBytes(), this.locale));
      },
    });
    this.subscription.set(subscription.closed ? null : subscription);
  }
}
