import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { PercentPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  LOCALE_ID,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { SignedDocumentDto } from '@agency-portal/shared';

let nextId = 0;

/**
 * The signed statement of work: what is on file (name, size, checksum) with a download, and for
 * contract managers a file field plus "Upload signed PDF" with the upload's progress.
 */
@Component({
  selector: 'ap-signed-document-panel',
  imports: [LocalDatePipe, MatButtonModule, MatProgressBarModule, PercentPipe],
  template: `
    @if (signedDocument(); as document) {
      <dl class="ap-details" data-testid="signed-document">
        <dt i18n>File</dt>
        <dd>{{ document.fileName }}</dd>
        <dt i18n>Size</dt>
        <dd>{{ fileSize() }}</dd>
        <dt i18n>SHA-256</dt>
        <dd>
          <code [attr.title]="document.sha256">{{ document.sha256.slice(0, 12) }}…</code>
        </dd>
        <dt i18n>Uploaded</dt>
        <dd>{{ document.uploadedAt | localDate: 'dateTime' }}</dd>
      </dl>
      <div class="ap-document-actions">
        <button i18n matButton="outlined" type="button" [disabled]="downloading()" (click)="download.emit()">
          Download
        </button>
      </div>
    } @else {
      <p i18n class="ap-no-document">No signed document has been uploaded yet.</p>
    }

    @if (canUpload()) {
      <div class="ap-upload">
        <label i18n class="ap-upload__label" [for]="fileInputId">Signed document (PDF)</label>
        <input
          #fileInput
          class="ap-upload__input"
          type="file"
          accept="application/pdf,.pdf"
          [id]="fileInputId"
          [attr.aria-describedby]="fileInputId + '-hint'"
          [disabled]="uploading()"
          (change)="chooseFile(fileInput.files)"
        />
        <p i18n class="ap-hint" [id]="fileInputId + '-hint'">
          The PDF signed by both sides.
          @if (signedDocument()) {
            Uploading a new one replaces the current document.
          }
        </p>
        <div>
          <button
            i18n
            matButton="filled"
            type="button"
            [disabled]="!chosenFile() || uploading()"
            (click)="uploadChosenFile()"
          >
            Upload signed PDF
          </button>
        </div>
        @if (uploading()) {
          <div class="ap-upload__progress">
            <mat-progress-bar
              mode="determinate"
              [value]="uploadProgress() ?? 0"
              aria-label="Upload progress"
              i18n-aria-label
            />
            <span i18n role="status">Uploading… {{ (uploadProgress() ?? 0) / 100 | percent }}</span>
          </div>
        }
        @if (uploadError(); as message) {
          <p class="ap-form-error" role="alert">{{ message }}</p>
        }
      </div>
    }
  `,
  styles: `
    .ap-document-actions {
      margin-top: 12px;
    }
    .ap-no-document {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .ap-upload {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin-top: 16px;
      padding-top: 16px;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .ap-upload__label {
      font: var(--mat-sys-label-large);
    }
    .ap-upload__progress {
      display: flex;
      flex-direction: column;
      gap: 4px;
      max-width: 400px;
    }
    .ap-form-error {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignedDocumentPanel {
  readonly signedDocument = input<SignedDocumentDto | null>(null);
  /** Whether the user may upload or replace the document (contract:manage, draft or active). */
  readonly canUpload = input(false);
  readonly uploading = input(false);
  /** Percent of the file sent while uploading (0–100). */
  readonly uploadProgress = input<number | null>(null);
  readonly uploadError = input<string | null>(null);
  readonly downloading = input(false);
  readonly upload = output<File>();
  readonly download = output();

  protected readonly fileInputId = `ap-signed-document-${nextId++}`;
  protected readonly chosenFile = signal<File | null>(null);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');
  private readonly sizeFormat = new Intl.NumberFormat(inject(LOCALE_ID), { maximumFractionDigits: 1 });

  protected readonly fileSize = computed(() => {
    const bytes = this.signedDocument()?.sizeBytes ?? 0;
    if (bytes < 1024) {
      return `${bytes} bytes`;
    }
    if (bytes < 1024 * 1024) {
      return `${this.sizeFormat.format(bytes / 1024)} KB`;
    }
    return `${this.sizeFormat.format(bytes / (1024 * 1024))} MB`;
  });

  protected chooseFile(files: FileList | null): void {
    this.chosenFile.set(files?.item(0) ?? null);
  }

  protected uploadChosenFile(): void {
    const file = this.chosenFile();
    if (!file) {
      return;
    }
    this.upload.emit(file);
    // The file is on its way; a failed upload is retried by choosing the file again.
    this.chosenFile.set(null);
    const element = this.fileInput()?.nativeElement;
    if (element) {
      element.value = '';
    }
  }
}
