import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Notifier } from '../../core/notify/notifier';
import { anImport } from '../../testing/imports';
import { NewImportPage } from './new-import-page';

const FORMAT = {
  maxFileBytes: 1024 * 1024,
  maxRows: 200_000,
  templates: { deliverables: [], goal: [] },
  fields: { deliverables: [], goal: [] },
};

describe('NewImportPage', () => {
  let fixture: ComponentFixture<NewImportPage>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [NewImportPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: Notifier, useValue: { success: jest.fn(), error: jest.fn() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NewImportPage);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/metric-imports/format').flush(FORMAT);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function choose(file: File): void {
    const input = element.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('No file input');
    const files = { 0: file, length: 1, item: () => file } as unknown as FileList;
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change'));
  }

  function drop(...files: File[]): void {
    const zone = element.querySelector('[data-testid="import-dropzone"]');
    const list = Object.assign([...files], { item: (index: number) => files[index] ?? null });
    const event = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'dataTransfer', { value: { files: list as unknown as FileList } });
    zone?.dispatchEvent(event);
  }

  function alertText(): string {
    return element.querySelector('[data-testid="import-file-error"]')?.textContent?.trim() ?? '';
  }

  it('should show the upload progress and open the mapping step when the upload is answered', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    choose(new File(['Permalink,Date,Views\n'], 'instagram.csv', { type: 'text/csv' }));
    const request = http.expectOne('/api/metric-imports');

    request.event({ type: HttpEventType.UploadProgress, loaded: 30, total: 100 });
    await fixture.whenStable();
    const bar = element.querySelector('mat-progress-bar');
    expect(bar?.getAttribute('aria-valuenow')).toBe('30');
    expect(element.textContent).toContain('Uploading instagram.csv… 30%');

    request.flush(anImport({ id: 'import-7' }));
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/imports', 'import-7']);
    expect(element.querySelector('mat-progress-bar')).toBeNull();
  });

  it('should refuse a file that is not CSV or XLSX, or too large, before uploading it', async () => {
    choose(new File(['%PDF-1.4'], 'report.pdf', { type: 'application/pdf' }));
    await fixture.whenStable();
    expect(alertText()).toBe(
      '“report.pdf” is not a CSV file or an Excel workbook (XLSX). Save an older .xls workbook as XLSX first.',
    );

    drop(new File([new Uint8Array(2 * 1024 * 1024)], 'big.csv'));
    await fixture.whenStable();
    expect(alertText()).toBe(
      '“big.csv” is 2 MB; an import takes files of up to 1 MB. Export a shorter period or fewer posts.',
    );
    http.expectNone('/api/metric-imports');
  });

  it('should show the server’s message when it refuses the file’s content', async () => {
    drop(new File(['\u0000\u0001'], 'metrics.csv'));
    http.expectOne('/api/metric-imports').flush(
      {
        code: 'unsupported_media_type',
        message: 'The file must be a CSV file (UTF-8 text) or an Excel workbook (XLSX).',
      },
      { status: 415, statusText: 'Unsupported Media Type' },
    );
    await fixture.whenStable();

    expect(alertText()).toBe('The file must be a CSV file (UTF-8 text) or an Excel workbook (XLSX).');
    expect(element.querySelector<HTMLInputElement>('input[type="file"]')?.disabled).toBe(false);
  });

  it('should say the largest size when the server answers 413', async () => {
    choose(new File(['a,b\n'], 'metrics.csv'));
    http
      .expectOne('/api/metric-imports')
      .flush(
        { code: 'payload_too_large', message: 'The request body is too large.' },
        { status: 413, statusText: 'Payload Too Large' },
      );
    await fixture.whenStable();

    expect(alertText()).toContain('an import takes files of up to 1 MB');
  });

  it('should stop the upload when it is cancelled', async () => {
    choose(new File(['a,b\n'], 'metrics.csv'));
    const request = http.expectOne('/api/metric-imports');
    await fixture.whenStable();

    const cancel = Array.from(element.querySelectorAll('button')).find(
      (button) => button.textContent?.trim() === 'Cancel',
    );
    cancel?.click();
    await fixture.whenStable();

    expect(request.cancelled).toBe(true);
    expect(element.querySelector('mat-progress-bar')).toBeNull();
  });
});
