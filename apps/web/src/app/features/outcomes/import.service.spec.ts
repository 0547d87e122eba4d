import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { anImport } from '../../testing/imports';
import { ImportService } from './import.service';

describe('ImportService', () => {
  let service: ImportService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    service = TestBed.inject(ImportService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('should upload the file as multipart `file` and pass on its progress when the upload runs', () => {
    const file = new File(['deliverable,date\n'], 'metrics.csv', { type: 'text/csv' });
    const events: number[] = [];
    let answered: string | undefined;
    service.upload(file).subscribe((event) => {
      if (event.type === HttpEventType.UploadProgress) events.push(event.loaded);
      if (event.type === HttpEventType.Response) answered = event.body?.id;
    });

    const request = http.expectOne('/api/metric-imports');
    expect(request.request.method).toBe('POST');
    expect(request.request.reportProgress).toBe(true);
    const body = request.request.body as FormData;
    expect((body.get('file') as File).name).toBe('metrics.csv');
    request.event({ type: HttpEventType.UploadProgress, loaded: 40, total: 100 });
    request.event({ type: HttpEventType.UploadProgress, loaded: 100, total: 100 });
    request.flush(anImport({ id: 'import-1' }));

    expect(events).toEqual([40, 100]);
    expect(answered).toBe('import-1');
  });

  it('should start with the mapping as its body and page the line errors by cursor', () => {
    service.start('import 1', { target: 'deliverables', presetId: 'template', columns: {} }).subscribe();
    const start = http.expectOne('/api/metric-imports/import%201/start');
    expect(start.request.body).toEqual({ target: 'deliverables', presetId: 'template', columns: {} });
    start.flush(anImport({ status: 'queued' }));

    service.errors('import-1', { limit: 25, cursor: 'abc' }).subscribe();
    const errors = http.expectOne((request) => request.url === '/api/metric-imports/import-1/errors');
    expect(errors.request.params.get('limit')).toBe('25');
    expect(errors.request.params.get('cursor')).toBe('abc');
    errors.flush({ items: [], nextCursor: null, limit: 25 });
  });

  it('should list with only the filters given, and fetch the template of the target as a file', () => {
    service.list({ status: 'refused', limit: 25 }).subscribe();
    const list = http.expectOne((request) => request.url === '/api/metric-imports');
    expect(list.request.params.keys().sort()).toEqual(['limit', 'status']);
    list.flush({ items: [], nextCursor: null, limit: 25 });

    let blob: Blob | undefined;
    service.template('goal').subscribe((answer) => (blob = answer));
    const template = http.expectOne((request) => request.url === '/api/metric-imports/template');
    expect(template.request.params.get('target')).toBe('goal');
    expect(template.request.responseType).toBe('blob');
    template.flush(new Blob(['date,conversions\r\n']));
    expect(blob?.size).toBeGreaterThan(0);
  });
});
