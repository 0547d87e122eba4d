import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import type { HttpRequest, HttpResponse, PreviousUpload, UploadOptions } from 'tus-js-client';
import { Upload } from 'tus-js-client';
import { AuthService } from '../../core/auth/auth.service';
import { DeliverableUploader, FILE_ID_HEADER, UPLOAD_CHUNK_BYTES } from './deliverable-uploader';

jest.mock('tus-js-client', () => ({ Upload: jest.fn() }));

/** Stands in for tus-js-client's Upload: records its options and what was called. */
class FakeUpload {
  readonly start = jest.fn();
  readonly abort = jest.fn(() => Promise.resolve());
  readonly resumeFromPreviousUpload = jest.fn();
  readonly findPreviousUploads = jest.fn(() => Promise.resolve(this.previous));

  constructor(
    readonly file: File,
    readonly options: UploadOptions,
    private readonly previous: PreviousUpload[],
  ) {}
}

function aResponse(status: number, headers: Record<string, string> = {}, body = ''): HttpResponse {
  return {
    getStatus: () => status,
    getHeader: (name: string) => headers[name],
    getBody: () => body,
    getUnderlyingObject: () => null,
  };
}

function aRequest(): HttpRequest & { headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  return {
    headers,
    getMethod: () => 'PATCH',
    getURL: () => '/api/uploads/abc',
    setHeader: (name: string, value: string) => {
      headers[name] = value;
    },
    getHeader: (name: string) => headers[name],
    setProgressHandler: () => undefined,
    send: () => Promise.resolve(aResponse(204)),
    abort: () => Promise.resolve(),
    getUnderlyingObject: () => null,
  };
}

/** Lets the upload's findPreviousUploads() answer. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

describe('DeliverableUploader', () => {
  let uploads: FakeUpload[];
  let previous: PreviousUpload[];
  let token: ReturnType<typeof signal<string | null>>;
  let refresh: jest.Mock;
  const file = new File(['hello'], 'post.png', { type: 'image/png' });

  beforeEach(() => {
    uploads = [];
    previous = [];
    token = signal<string | null>('token-1');
    refresh = jest.fn(() => {
      token.set('token-2');
      return of('token-2');
    });
    jest.mocked(Upload).mockImplementation((input, options) => {
      const upload = new FakeUpload(input as File, options, previous);
      uploads.push(upload);
      return upload as unknown as Upload;
    });
    TestBed.configureTestingModule({
      providers: [{ provide: AuthService, useValue: { accessToken: token, refresh } }],
    });
  });

  afterEach(() => jest.mocked(Upload).mockReset());

  function startUpload() {
    return TestBed.inject(DeliverableUploader).upload('deliverable-1', file);
  }

  it('should upload to the tus endpoint in 32 MiB chunks with the deliverable in the metadata when a file is chosen', async () => {
    startUpload();
    await settle();

    const [upload] = uploads;
    expect(upload.options.endpoint).toBe('/api/uploads');
    expect(upload.options.chunkSize).toBe(UPLOAD_CHUNK_BYTES);
    expect(upload.options.retryDelays).toEqual([0, 1000, 3000, 5000]);
    expect(upload.options.metadata).toEqual({ deliverableId: 'deliverable-1', filename: 'post.png' });
    expect(upload.start).toHaveBeenCalledTimes(1);
    expect(upload.resumeFromPreviousUpload).not.toHaveBeenCalled();
  });

  it('should report progress and then the stored file id from the Upload-File-Id header when the upload completes', async () => {
    const task = startUpload();
    await settle();
    const { options } = uploads[0];

    options.onProgress?.(512, 2048);
    expect(task.progress()).toBe(25);
    expect(task.state()).toBe('uploading');

    await options.onAfterResponse?.(aRequest(), aResponse(204, { [FILE_ID_HEADER]: 'file-9' }));
    options.onSuccess?.({ lastResponse: aResponse(204, { [FILE_ID_HEADER]: 'file-9' }) });

    expect(task.fileId()).toBe('file-9');
    expect(task.progress()).toBe(100);
    expect(task.state()).toBe('done');
  });

  it('should resume the newest previous upload when the same file was partly uploaded before', async () => {
    const older = {
      creationTime: '2026-03-01T10:00:00.000Z',
      uploadUrl: '/api/uploads/old',
    } as PreviousUpload;
    const newer = {
      creationTime: '2026-03-02T10:00:00.000Z',
      uploadUrl: '/api/uploads/new',
    } as PreviousUpload;
    previous = [older, newer];

    startUpload();
    await settle();

    expect(uploads[0].resumeFromPreviousUpload).toHaveBeenCalledWith(newer);
    expect(uploads[0].start).toHaveBeenCalledTimes(1);
  });

  it('should send the current access token when the upload makes a request', async () => {
    startUpload();
    await settle();
    const request = aRequest();

    await uploads[0].options.onBeforeRequest?.(request);

    expect(request.headers['Authorization']).toBe('Bearer token-1');
  });

  it('should refresh the token once and retry when the server answers 401', async () => {
    startUpload();
    await settle();
    const { options } = uploads[0];
    const expired = Object.assign(new Error('401'), { originalResponse: aResponse(401) });

    const retried = options.onShouldRetry?.(expired as never, 0, options);
    const request = aRequest();
    await options.onBeforeRequest?.(request);

    expect(retried).toBe(true);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(request.headers['Authorization']).toBe('Bearer token-2');
    expect(options.onShouldRetry?.(expired as never, 1, options)).toBe(false);
  });

  it("should fail with the server's message and not retry when the file is refused as unsupported", async () => {
    const task = startUpload();
    await settle();
    const { options } = uploads[0];
    const refused = Object.assign(new Error('415'), {
      originalResponse: aResponse(
        415,
        {},
        JSON.stringify({
          code: 'unsupported_media_type',
          message: 'The file is not an image, video, PDF or document.',
        }),
      ),
    });

    expect(options.onShouldRetry?.(refused as never, 0, options)).toBe(false);
    options.onError?.(refused);

    expect(task.state()).toBe('failed');
    expect(task.error()).toBe('The file is not an image, video, PDF or document.');
  });

  it('should fail and start over on retry when the server finishes without naming the stored file', async () => {
    const task = startUpload();
    await settle();

    uploads[0].options.onSuccess?.({ lastResponse: aResponse(204) });
    expect(task.state()).toBe('failed');

    task.retry();
    await settle();

    expect(uploads).toHaveLength(2);
    expect(uploads[1].findPreviousUploads).not.toHaveBeenCalled();
    expect(uploads[1].start).toHaveBeenCalledTimes(1);
    expect(task.state()).toBe('uploading');
  });

  it('should abort and ask the server to discard the upload when it is cancelled', async () => {
    const task = startUpload();
    await settle();

    task.cancel();

    expect(task.state()).toBe('cancelled');
    expect(uploads[0].abort).toHaveBeenCalledWith(true);
  });
});
