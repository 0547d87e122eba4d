import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { SubmitVersionRequest } from '@agency-portal/shared';
import { DeliverableUploader, type UploadState, type UploadTask } from './deliverable-uploader';
import { UploadPanel } from './upload-panel';

jest.mock('tus-js-client', () => ({ Upload: jest.fn() }));

function aTask(file: File) {
  return {
    id: Math.random(),
    file,
    progress: signal(0),
    state: signal<UploadState>('uploading'),
    fileId: signal<string | null>(null),
    error: signal<string | null>(null),
    cancel: jest.fn(),
    retry: jest.fn(),
    pause: jest.fn(),
  };
}

describe('UploadPanel', () => {
  let fixture: ComponentFixture<UploadPanel>;
  let element: HTMLElement;
  let tasks: ReturnType<typeof aTask>[];
  let submitted: SubmitVersionRequest[];

  beforeEach(async () => {
    tasks = [];
    TestBed.configureTestingModule({
      imports: [UploadPanel],
      providers: [
        {
          provide: DeliverableUploader,
          useValue: {
            upload: (_deliverableId: string, file: File) => {
              const task = aTask(file);
              tasks.push(task);
              return task as unknown as UploadTask;
            },
          },
        },
      ],
    });
    fixture = TestBed.createComponent(UploadPanel);
    fixture.componentRef.setInput('deliverableId', 'deliverable-1');
    submitted = [];
    fixture.componentInstance.submitVersion.subscribe((request) => submitted.push(request));
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  async function chooseFiles(...names: string[]): Promise<void> {
    const input = element.querySelector('input[type="file"]') as HTMLInputElement;
    const files = names.map((name) => new File(['x'], name, { type: 'image/png' }));
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  function submitButton(): HTMLButtonElement {
    return Array.from(element.querySelectorAll('button')).find(
      (button) => button.textContent?.trim() === 'Submit version',
    ) as HTMLButtonElement;
  }

  it('should label the file input "Files" and accept several files when it renders', () => {
    const input = element.querySelector('input[type="file"]') as HTMLInputElement;

    expect(element.querySelector(`label[for="${input.id}"]`)?.textContent?.trim()).toBe('Files');
    expect(input.multiple).toBe(true);
  });

  it('should show a named progress bar with its percentage for each file when uploads start', async () => {
    await chooseFiles('a.png', 'b.png');
    tasks[0].progress.set(40);
    await fixture.whenStable();

    const bar = element.querySelector('[aria-label="Upload progress for a.png"]');

    expect(bar?.getAttribute('aria-valuenow')).toBe('40');
    expect(element.querySelector('[data-testid="upload-state-a.png"]')?.textContent?.trim()).toBe(
      'Uploading 40%',
    );
    expect(element.querySelector('[aria-label="Upload progress for b.png"]')).not.toBeNull();
  });

  it('should keep Submit version disabled until every upload has finished', async () => {
    await chooseFiles('a.png', 'b.png');
    tasks[0].state.set('done');
    tasks[0].fileId.set('file-a');
    await fixture.whenStable();

    expect(submitButton().disabled).toBe(true);

    tasks[1].state.set('done');
    tasks[1].fileId.set('file-b');
    await fixture.whenStable();

    expect(submitButton().disabled).toBe(false);
  });

  it('should submit the stored file ids and the copy text when Submit version is pressed', async () => {
    await chooseFiles('a.png');
    tasks[0].state.set('done');
    tasks[0].fileId.set('file-a');
    const copy = element.querySelector('textarea') as HTMLTextAreaElement;
    copy.value = '  Spring is here.  ';
    copy.dispatchEvent(new Event('input'));
    await fixture.whenStable();

    submitButton().click();

    expect(submitted).toEqual([{ fileIds: ['file-a'], copyText: 'Spring is here.' }]);
  });

  it('should offer Retry when an upload failed and retry it when pressed', async () => {
    await chooseFiles('a.png');
    tasks[0].state.set('failed');
    tasks[0].error.set('The file is too large to upload.');
    await fixture.whenStable();

    (element.querySelector('button[aria-label="Retry upload of a.png"]') as HTMLButtonElement).click();

    expect(element.textContent).toContain('The file is too large to upload.');
    expect(tasks[0].retry).toHaveBeenCalled();
  });
});
