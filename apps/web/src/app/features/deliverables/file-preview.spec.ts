import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { CommentPin, StoredFileDto } from '@agency-portal/shared';
import { of } from 'rxjs';
import { Notifier } from '../../core/notify/notifier';
import { DeliverableService } from './deliverable.service';
import { FilePreview } from './file-preview';

const IMAGE: StoredFileDto = {
  id: 'file-1',
  fileName: 'post.png',
  contentType: 'image/png',
  sizeBytes: 204800,
  sha256: 'ab'.repeat(32),
};

describe('FilePreview', () => {
  let fixture: ComponentFixture<FilePreview>;
  let element: HTMLElement;
  let placed: CommentPin[];
  let selected: string[];
  const createObjectURL = jest.fn(() => 'blob:preview-1');
  const revokeObjectURL = jest.fn();

  beforeAll(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  });

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [FilePreview],
      providers: [
        { provide: DeliverableService, useValue: { fileContent: () => of(new Blob(['png'])) } },
        { provide: Notifier, useValue: { error: jest.fn(), success: jest.fn() } },
      ],
    });
    fixture = TestBed.createComponent(FilePreview);
    fixture.componentRef.setInput('file', IMAGE);
    fixture.componentRef.setInput('canPin', true);
    placed = [];
    selected = [];
    fixture.componentInstance.pinPlaced.subscribe((pin) => placed.push(pin));
    fixture.componentInstance.markerSelected.subscribe((id) => selected.push(id));
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  function image(): HTMLImageElement {
    return element.querySelector('img') as HTMLImageElement;
  }

  function captureLayer(): HTMLElement | null {
    return element.querySelector('[role="button"][aria-label="Place a pin on post.png"]');
  }

  function clickAt(target: HTMLElement, clientX: number, clientY: number): void {
    target.dispatchEvent(new MouseEvent('click', { clientX, clientY, detail: 1, bubbles: true }));
  }

  it('should preview the image from its blob with the file name as its text alternative when loaded', () => {
    expect(image().getAttribute('src')).toBe('blob:preview-1');
    expect(image().alt).toBe('post.png');
  });

  it('should place a pin at the fractions of the image where it was clicked when pinning', async () => {
    fixture.componentRef.setInput('pinning', true);
    await fixture.whenStable();
    const layer = captureLayer() as HTMLElement;
    jest.spyOn(layer, 'getBoundingClientRect').mockReturnValue({
      left: 100,
      top: 40,
      width: 800,
      height: 400,
      right: 900,
      bottom: 440,
      x: 100,
      y: 40,
      toJSON: () => ({}),
    });

    clickAt(layer, 300, 340);

    expect(placed).toEqual([{ kind: 'point', x: 0.25, y: 0.75, fileId: 'file-1' }]);
  });

  it('should place the pin in the middle and move it with the arrow keys when pinning from the keyboard', async () => {
    fixture.componentRef.setInput('pinning', true);
    await fixture.whenStable();
    const layer = captureLayer() as HTMLElement;

    layer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    fixture.componentRef.setInput('pendingPin', placed[0]);
    layer.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));

    expect(placed).toEqual([
      { kind: 'point', x: 0.5, y: 0.5, fileId: 'file-1' },
      { kind: 'point', x: 0.52, y: 0.5, fileId: 'file-1' },
    ]);
  });

  it('should offer no pin layer and place no pin when the image is clicked outside pin mode', () => {
    clickAt(image(), 300, 340);

    expect(captureLayer()).toBeNull();
    expect(placed).toEqual([]);
  });

  it('should draw pinned comments as numbered markers that open their thread when clicked', async () => {
    fixture.componentRef.setInput('markers', [
      {
        commentId: 'comment-7',
        number: 1,
        pin: { kind: 'point', x: 0.25, y: 0.5, fileId: 'file-1' },
        resolved: false,
      },
    ]);
    await fixture.whenStable();

    const marker = element.querySelector('button[aria-label="Comment 1"]') as HTMLButtonElement;
    marker.click();

    expect(marker.style.left).toBe('25%');
    expect(marker.style.top).toBe('50%');
    expect(selected).toEqual(['comment-7']);
  });

  it('should switch pin mode with "Pin on image" when the user may comment', async () => {
    const changes: boolean[] = [];
    fixture.componentInstance.pinningChange.subscribe((on) => changes.push(on));
    const button = Array.from(element.querySelectorAll('button')).find(
      (candidate) => candidate.textContent?.trim() === 'Pin on image',
    );

    button?.click();

    expect(button?.getAttribute('aria-pressed')).toBe('false');
    expect(changes).toEqual([true]);
  });
});
