import { PercentPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ApiErrorBody, SubmitVersionRequest } from '@agency-portal/shared';
import { DELIVERABLE_CONTENT_TYPES, TEXT_LIMITS } from '@agency-portal/shared';
import { FormErrorAlert } from '../../shared/forms/form-error-alert';
import { serverErrorsOn } from '../../shared/forms/server-errors';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';
import { FileSizePipe } from '../../shared/format/file-size.pipe';
import { DeliverableUploader, type UploadState, type UploadTask } from './deliverable-uploader';

let nextId = 0;

const STATE_TEXT: Record<UploadState, string> = {
  uploading: $localize`:State of a file upload@@uploadState.uploading:Uploading`,
  done: $localize`:State of a file upload@@uploadState.done:Uploaded`,
  failed: $localize`:State of a file upload@@uploadState.failed:Failed`,
  cancelled: $localize`:State of a file upload@@uploadState.cancelled:Cancelled`,
};

/**
 * The agency's next version: files upload resumably as soon as they are chosen (progress, cancel,
 * retry), then the copy text, then "Submit version" once every upload has finished.
 */
@Component({
  selector: 'ap-upload-panel',
  imports: [
    PercentPipe,
    FileSizePipe,
    FormErrorAlert,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  templateUrl: './upload-panel.html',
  styleUrl: './upload-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UploadPanel {
  protected readonly uploadProgressLabel = (name: string): string =>
    $localize`Upload progress for ${name}:file:`;
  protected readonly cancelUploadLabel = (name: string): string => $localize`Cancel upload of ${name}:file:`;
  protected readonly removeLabel = (name: string): string => $localize`Remove ${name}:file:`;
  protected readonly retryUploadLabel = (name: string): string => $localize`Retry upload of ${name}:file:`;
  readonly deliverableId = input.required<string>();
  /** Number of the version this will be. */
  readonly nextVersionNumber = input(1);
  readonly submitting = input(false);
  readonly serverError = input<ApiErrorBody | null>(null);
  readonly submitVersion = output<SubmitVersionRequest>();

  private readonly uploader = inject(DeliverableUploader);

  protected readonly inputId = `ap-version-files-${nextId++}`;
  protected readonly accept = DELIVERABLE_CONTENT_TYPES.join(',');
  protected readonly stateText = STATE_TEXT;
  protected readonly tasks = signal<UploadTask[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    copyText: ['', Validators.maxLength(TEXT_LIMITS.copyText)],
  });
  protected readonly finished = computed(() => {
    const tasks = this.tasks();
    return tasks.length > 0 && tasks.every((task) => task.state() === 'done');
  });
  protected readonly unmatchedErrors = serverErrorsOn(this.form, this.serverError);

  constructor() {
    // Leaving the page pauses the uploads; choosing the same files again resumes them.
    inject(DestroyRef).onDestroy(() => {
      for (const task of this.tasks()) {
        task.pause();
      }
    });
  }

  protected uploadFiles(input: HTMLInputElement): void {
    const files = Array.from(input.files ?? []);
    const started = files.map((file) => this.uploader.upload(this.deliverableId(), file));
    this.tasks.update((tasks) => [...tasks, ...started]);
    // The same file can be chosen again (e.g. after removing it).
    input.value = '';
  }

  protected cancelUpload(task: UploadTask): void {
    task.cancel();
  }

  protected retryUpload(task: UploadTask): void {
    task.retry();
  }

  protected removeUpload(task: UploadTask): void {
    task.cancel();
    this.tasks.update((tasks) => tasks.filter((candidate) => candidate !== task));
  }

  protected submitNewVersion(): void {
    const fileIds = this.tasks()
      .map((task) => task.fileId())
      .filter((id): id is string => id !== null);
    if (!this.finished() || this.form.invalid || fileIds.length === 0) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitVersion.emit({ fileIds, copyText: this.form.controls.copyText.value.trim() });
  }
}
