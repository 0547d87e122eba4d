import { Injectable, inject, signal } from '@angular/core';
import { UPLOAD_ENDPOINT, isApiErrorBody } from '@agency-portal/shared';
import { firstValueFrom } from 'rxjs';
import { type HttpResponse, type PreviousUpload, Upload, type UploadOptions } from 'tus-js-client';
import { AuthService } from '../../core/auth/auth.service';

/** Chunks of 32 MiB: a dropped connection costs at most one chunk. */
export const UPLOAD_CHUNK_BYTES = 32 * 1024 * 1024;
export const UPLOAD_RETRY_DELAYS_MS = [0, 1000, 3000, 5000];
/** The header of the final PATCH naming the stored file. */
export const FILE_ID_HEADER = 'Upload-File-Id';

export type UploadState = 'uploading' | 'done' | 'failed' | 'cancelled';

let nextTaskId = 0;

function statusOf(error: unknown): number {
  if (typeof error === 'object' && error !== null && 'originalResponse' in error) {
    const response = (error as { originalResponse: HttpResponse | null }).originalResponse;
    return response?.getStatus() ?? 0;
  }
  return 0;
}

function serverMessageOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('originalResponse' in error)) {
    return null;
  }
  const response = (error as { originalResponse: HttpResponse | null }).originalResponse;
  try {
    const body: unknown = JSON.parse(response?.getBody() ?? '');
    return isApiErrorBody(body) ? body.message : null;
  } catch {
    return null;
  }
}

/** Why an upload failed, in words: the server's own message where it gave one. */
export function uploadFailureMessage(error: unknown): string {
  const message = serverMessageOf(error);
  if (message) {
    return message;
  }
  switch (statusOf(error)) {
    case 413:
      return $localize`The file is too large to upload.`;
    case 415:
      return $localize`This type of file is not accepted. Upload images, videos, PDFs or Office documents.`;
    case 404:
      return $localize`This deliverable does not take uploads from you.`;
    case 0:
      return $localize`The upload stopped: the server could not be reached. Check your connection and retry.`;
    default:
      return $localize`The upload failed. Please retry.`;
  }
}

/**
 * One file uploading resumably (tus) for a deliverable. Its signals drive a progress bar; when it
 * is done, `fileId` is the stored file's id (from the `Upload-File-Id` header) to submit in a version.
 * A reload or a dropped connection resumes where the server stopped, when the same file is chosen again.
 */
export class UploadTask {
  readonly id = ++nextTaskId;
  /** Whole percent of the file the server has (0–100). */
  readonly progress = signal(0);
  readonly state = signal<UploadState>('uploading');
  readonly fileId = signal<string | null>(null);
  readonly error = signal<string | null>(null);

  private upload: Upload | null = null;
  private refreshing: Promise<unknown> | null = null;
  private refreshedSinceLastSuccess = false;
  /** Set when the server finished without naming the file: a retry starts over. */
  private startOver = false;

  constructor(
    readonly file: File,
    private readonly deliverableId: string,
    private readonly auth: AuthService,
  ) {}

  /** Starts (or after a failure, restarts) the upload, resuming one of the same file if the server has it. */
  begin(): void {
    this.state.set('uploading');
    this.error.set(null);
    const upload = new Upload(this.file, this.options());
    this.upload = upload;
    if (this.startOver) {
      this.startOver = false;
      upload.start();
      return;
    }
    upload.findPreviousUploads().then(
      (previous) => {
        if (this.upload !== upload || this.state() !== 'uploading') {
          return;
        }
        const latest = newest(previous);
        if (latest) {
          upload.resumeFromPreviousUpload(latest);
        }
        upload.start();
      },
      () => upload.start(),
    );
  }

  /** Stops for good and asks the server to discard what it received. */
  cancel(): void {
    if (this.state() !== 'uploading') {
      return;
    }
    this.state.set('cancelled');
    this.upload?.abort(true).catch(() => undefined);
  }

  retry(): void {
    if (this.state() === 'failed' || this.state() === 'cancelled') {
      this.begin();
    }
  }

  /** Stops without discarding (leaving the page): choosing the file again later resumes it. */
  pause(): void {
    if (this.state() === 'uploading') {
      this.upload?.abort(false).catch(() => undefined);
    }
  }

  private options(): UploadOptions {
    const deliverableId = this.deliverableId;
    return {
      endpoint: UPLOAD_ENDPOINT,
      chunkSize: UPLOAD_CHUNK_BYTES,
      retryDelays: UPLOAD_RETRY_DELAYS_MS,
      metadata: { deliverableId, filename: this.file.name },
      removeFingerprintOnSuccess: true,
      // Per deliverable: the same file uploaded for another deliverable is another upload.
      fingerprint: (file: File) =>
        Promise.resolve(
          ['agency-portal', deliverableId, file.name, file.type, file.size, file.lastModified].join('|'),
        ),
      onBeforeRequest: async (request) => {
        if (this.refreshing) {
          await this.refreshing;
        }
        // The access token is short-lived: set the current one on every request.
        const token = this.auth.accessToken();
        if (token) {
          request.setHeader('Authorization', `Bearer ${token}`);
        }
      },
      onAfterResponse: (_request, response) => {
        const fileId = response.getHeader(FILE_ID_HEADER);
        if (fileId) {
          this.fileId.set(fileId);
        }
        if (response.getStatus() < 300) {
          this.refreshedSinceLastSuccess = false;
        }
      },
      onShouldRetry: (error) => this.shouldRetry(error),
      onProgress: (bytesSent, bytesTotal) => {
        // Share of the bytes sent, for the progress bar.
        this.progress.set(bytesTotal > 0 ? Math.min(100, Math.floor((bytesSent / bytesTotal) * 100)) : 0);
      },
      onSuccess: () => {
        if (this.state() !== 'uploading') {
          return;
        }
        if (this.fileId()) {
          this.progress.set(100);
          this.state.set('done');
        } else {
          this.startOver = true;
          this.state.set('failed');
          this.error.set($localize`The server did not confirm the stored file. Retry to upload it again.`);
        }
      },
      onError: (error) => {
        if (this.state() !== 'uploading') {
          return;
        }
        this.state.set('failed');
        this.error.set(uploadFailureMessage(error));
      },
    };
  }

  /** Network trouble and server errors are retried; an expired token is refreshed once, then retried. */
  private shouldRetry(error: unknown): boolean {
    const status = statusOf(error);
    if (status === 401) {
      if (this.refreshedSinceLastSuccess) {
        return false;
      }
      this.refreshedSinceLastSuccess = true;
      this.refreshing = firstValueFrom(this.auth.refresh())
        .catch(() => undefined)
        .finally(() => {
          this.refreshing = null;
        });
      return true;
    }
    return status === 0 || status >= 500 || status === 409 || status === 423;
  }
}

function newest(previous: readonly PreviousUpload[]): PreviousUpload | undefined {
  return [...previous].sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
}

/** Starts resumable uploads of deliverable files (tus-js-client against /api/uploads). */
@Injectable({ providedIn: 'root' })
export class DeliverableUploader {
  private readonly auth = inject(AuthService);

  upload(deliverableId: string, file: File): UploadTask {
    const task = new UploadTask(file, deliverableId, this.auth);
    task.begin();
    return task;
  }
}
