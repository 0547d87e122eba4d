import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { CommentPin, StoredFileDto } from '@agency-portal/shared';
import { of } from 'rxjs';
import { Notifier } from '../../core/notify/notifier';
import { DeliverableService } from './deliverable.service';
import { FilePreview } from './file-preview';
import { type PdfDocument, PdfRenderer } from './pdf-renderer';

const IMAGE: StoredFileDto = {
  id: 'file-1',
  fileName: 'post.png',
  contentType: 'image/png',
  sizeBytes: 204800,
  sha256: 'ab'.repeat(32),
  renditions: [],
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

  function boxed(layer: HTMLElement): void {
    jest.spyOn(layer, 'getBoundingClientRect').mockReturnValue({
      left: 0,
      top: 0,
      width: 1000,
      height: 500,
      right: 1000,
      bottom: 500,
      x: 0,
      y: 0,
      toJSON: () => ({}),
    });
  }

  function pointer(target: HTMLElement, type: string, clientX: number, clientY: number): void {
    target.dispatchEvent(new MouseEvent(type, { clientX, clientY, button: 0, bubbles: true }));
  }

  it('should pin a rectangle, not a point, when the user drags across the image in pin mode', async () => {
    fixture.componentRef.setInput('pinning', true);
    await fixture.whenStable();
    const layer = captureLayer() as HTMLElement;
    boxed(layer);

    pointer(layer, 'pointerdown', 600, 400);
    pointer(layer, 'pointermove', 300, 200);
    fixture.detectChanges();
    const drawn = element.querySelector('[data-testid="pending-region"]') as HTMLElement;
    pointer(layer, 'pointerup', 200, 100);
    clickAt(layer, 200, 100);

    expect(drawn.style.left).toBe('30%');
    expect(drawn.style.width).toBe('30%');
    expect(placed).toEqual([{ kind: 'region', x: 0.2, y: 0.2, w: 0.4, h: 0.6, fileId: 'file-1' }]);
  });

  it('should drop the rectangle being drawn and pin nothing when the browser cancels the drag', async () => {
    fixture.componentRef.setInput('pinning', true);
    await fixture.whenStable();
    const layer = captureLayer() as HTMLElement;
    boxed(layer);

    pointer(layer, 'pointerdown', 600, 400);
    pointer(layer, 'pointermove', 300, 200);
    pointer(layer, 'pointercancel', 300, 200);
    // The button is up now: moving over the image draws nothing, and the next click is a point.
    pointer(layer, 'pointermove', 200, 100);
    fixture.detectChanges();

    expect(element.querySelector('[data-testid="pending-region"]')).toBeNull();
    clickAt(layer, 500, 250);
    expect(placed).toEqual([{ kind: 'point', x: 0.5, y: 0.5, fileId: 'file-1' }]);
  });

  it('should turn a pin into a rectangle and resize it when Shift and the arrow keys are used', async () => {
    fixture.componentRef.setInput('pinning', true);
    fixture.componentRef.setInput('pendingPin', { kind: 'point', x: 0.5, y: 0.5, fileId: 'file-1' });
    await fixture.whenStable();
    const layer = captureLayer() as HTMLElement;

    layer.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', shiftKey: true, bubbles: true }));
    fixture.componentRef.setInput('pendingPin', placed[0]);
    layer.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', shiftKey: true, bubbles: true }));

    expect(placed).toEqual([
      { kind: 'region', x: 0.5, y: 0.5, w: 0.2, h: 0.2, fileId: 'file-1' },
      { kind: 'region', x: 0.5, y: 0.5, w: 0.2, h: 0.22, fileId: 'file-1' },
    ]);
  });

  it('should draw a pinned rectangle as an outlined area that opens its thread', async () => {
    fixture.componentRef.setInput('markers', [
      {
        commentId: 'comment-8',
        number: 2,
        pin: { kind: 'region', x: 0.1, y: 0.2, w: 0.3, h: 0.4, fileId: 'file-1' },
        resolved: false,
      },
    ]);
    await fixture.whenStable();

    const region = element.querySelector('button.ap-region[aria-label="Comment 2"]') as HTMLButtonElement;
    region.click();

    expect([region.style.left, region.style.top, region.style.width, region.style.height]).toEqual([
      '10%',
      '20%',
      '30%',
      '40%',
    ]);
    expect(selected).toEqual(['comment-8']);
  });

  it('should zoom in to a width in pixels and back to fit when Zoom in and Fit are pressed', async () => {
    Object.defineProperty(image(), 'naturalWidth', { value: 2000 });
    Object.defineProperty(image(), 'clientWidth', { value: 500 });
    image().dispatchEvent(new Event('load'));
    const area = element.querySelector('.ap-pin-area') as HTMLElement;

    (element.querySelector('button[aria-label="Zoom in"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const zoomed = area.style.width;
    const fitButton = Array.from(element.querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === 'Fit',
    );
    fitButton?.click();
    await fixture.whenStable();

    expect(zoomed).toBe('750px');
    expect(area.style.width).toBe('');
    expect(fitButton?.getAttribute('aria-pressed')).toBe('true');
  });

  it('should ask for full screen on the preview when Full screen is pressed', () => {
    const stage = element.querySelector('.ap-stage') as HTMLElement;
    const requestFullscreen = jest.fn(() => Promise.resolve());
    Object.assign(stage, { requestFullscreen });

    Array.from(element.querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === 'Full screen')
      ?.click();

    expect(requestFullscreen).toHaveBeenCalled();
  });

  it('should switch pin mode with "Pin on image" when the user may comment', () => {
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

describe('FilePreview of a PDF', () => {
  const PDF: StoredFileDto = {
    id: 'file-2',
    fileName: 'storyboard.pdf',
    contentType: 'application/pdf',
    sizeBytes: 4096,
    sha256: 'cd'.repeat(32),
    renditions: [],
  };
  let fixture: ComponentFixture<FilePreview>;
  let element: HTMLElement;
  let placed: CommentPin[];
  let open: jest.Mock<Promise<PdfDocument>, [Blob]>;
  let renderPage: jest.Mock<Promise<void>, [number, HTMLCanvasElement]>;

  beforeAll(() => {
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:pdf-1'), revokeObjectURL: jest.fn() });
  });

  async function render(opened: () => Promise<PdfDocument>): Promise<void> {
    open = jest.fn<Promise<PdfDocument>, [Blob]>(opened);
    TestBed.configureTestingModule({
      imports: [FilePreview],
      providers: [
        { provide: DeliverableService, useValue: { fileContent: () => of(new Blob(['%PDF-1.4'])) } },
        { provide: Notifier, useValue: { error: jest.fn(), success: jest.fn() } },
        { provide: PdfRenderer, useValue: { open } },
      ],
    });
    fixture = TestBed.createComponent(FilePreview);
    fixture.componentRef.setInput('file', PDF);
    fixture.componentRef.setInput('canPin', true);
    placed = [];
    fixture.componentInstance.pinPlaced.subscribe((pin) => placed.push(pin));
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  function threePages(): Promise<PdfDocument> {
    renderPage = jest.fn<Promise<void>, [number, HTMLCanvasElement]>(() => Promise.resolve());
    return Promise.resolve({ pageCount: 3, renderPage, destroy: () => Promise.resolve() });
  }

  function button(name: string): HTMLButtonElement {
    const found = Array.from(element.querySelectorAll('button')).find(
      (candidate) => candidate.textContent?.trim() === name || candidate.getAttribute('aria-label') === name,
    );
    if (!found) throw new Error(`no button ${name}`);
    return found;
  }

  async function press(name: string): Promise<void> {
    button(name).click();
    await fixture.whenStable();
  }

  function position(): string {
    return element.querySelector('[aria-live="polite"]')?.textContent?.trim() ?? '';
  }

  const onPage = (commentId: string, number: number, page: number) => ({
    commentId,
    number,
    pin: { kind: 'point' as const, x: 0.5, y: 0.5, page, fileId: 'file-2' },
    resolved: false,
  });

  it('should show the first page and turn pages with Next and Previous', async () => {
    await render(threePages);

    expect(position()).toBe('Page 1 of 3');
    expect(button('Previous page').disabled).toBe(true);
    expect(renderPage).toHaveBeenLastCalledWith(1, element.querySelector('canvas'));

    await press('Next page');
    await press('Next page');

    expect(position()).toBe('Page 3 of 3');
    expect(button('Next page').disabled).toBe(true);
    expect(renderPage).toHaveBeenLastCalledWith(3, element.querySelector('canvas'));
    expect(element.querySelector('canvas')?.getAttribute('aria-label')).toBe('storyboard.pdf, page 3 of 3');
  });

  it('should pin a comment to the page shown', async () => {
    await render(threePages);
    await press('Next page');
    fixture.componentRef.setInput('pinning', true);
    await fixture.whenStable();

    const layer = element.querySelector('[aria-label="Place a pin on storyboard.pdf"]') as HTMLElement;
    layer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));

    expect(placed).toEqual([{ kind: 'point', x: 0.5, y: 0.5, page: 2, fileId: 'file-2' }]);
  });

  it('should draw only the markers of the page shown', async () => {
    await render(threePages);
    fixture.componentRef.setInput('markers', [onPage('comment-1', 1, 1), onPage('comment-2', 2, 2)]);
    await fixture.whenStable();

    expect(element.querySelector('button[aria-label="Comment 1"]')).not.toBeNull();
    expect(element.querySelector('button[aria-label="Comment 2"]')).toBeNull();

    await press('Next page');

    expect(element.querySelector('button[aria-label="Comment 1"]')).toBeNull();
    expect(element.querySelector('button[aria-label="Comment 2"]')).not.toBeNull();
  });

  it('should turn to the page of a comment whose pin is shown', async () => {
    await render(threePages);
    fixture.componentRef.setInput('markers', [onPage('comment-1', 1, 1), onPage('comment-3', 2, 3)]);
    await fixture.whenStable();

    fixture.componentRef.setInput('highlightedCommentId', 'comment-3');
    await fixture.whenStable();

    expect(position()).toBe('Page 3 of 3');
    expect(element.querySelector('button[aria-label="Comment 2"]')).not.toBeNull();
  });

  it('should say so when the PDF cannot be read', async () => {
    await render(() => Promise.reject(new Error('Invalid PDF structure.')));

    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'The PDF could not be shown: Invalid PDF structure.',
    );
    expect(element.querySelector('canvas')).toBeNull();
  });
});

describe('FilePreview renditions and video', () => {
  const service = {
    fileContent: jest.fn(() => of(new Blob(['original']))),
    fileRendition: jest.fn(() => of(new Blob(['webp']))),
    streamLink: jest.fn(() =>
      of({ url: '/api/files/video-1/stream?token=abc', expiresAt: '2030-01-01T00:00:00Z' }),
    ),
  };

  async function render(file: StoredFileDto): Promise<HTMLElement> {
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:r'), revokeObjectURL: jest.fn() });
    TestBed.configureTestingModule({
      imports: [FilePreview],
      providers: [
        { provide: DeliverableService, useValue: service },
        { provide: Notifier, useValue: { error: jest.fn(), success: jest.fn() } },
      ],
    });
    const fixture = TestBed.createComponent(FilePreview);
    fixture.componentRef.setInput('file', file);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(() => jest.clearAllMocks());

  it('should show the web-sized rendition instead of the original when the server has made one', async () => {
    await render({
      ...IMAGE,
      renditions: [
        { kind: 'preview', contentType: 'image/webp', width: 2048, height: 1365, sizeBytes: 300_000 },
      ],
    });

    expect(service.fileRendition).toHaveBeenCalledWith('file-1', 'preview');
    expect(service.fileContent).not.toHaveBeenCalled();
  });

  it('should play a video from its stream link with only its metadata preloaded and the poster frame shown', async () => {
    const element = await render({
      id: 'video-1',
      fileName: 'cut.mp4',
      contentType: 'video/mp4',
      sizeBytes: 26 * 1024 * 1024,
      sha256: 'ef'.repeat(32),
      renditions: [
        { kind: 'poster', contentType: 'image/webp', width: 1280, height: 720, sizeBytes: 40_000 },
      ],
    });

    const video = element.querySelector('video') as HTMLVideoElement;
    expect(video.getAttribute('src')).toBe('/api/files/video-1/stream?token=abc');
    expect(video.getAttribute('preload')).toBe('metadata');
    expect(video.getAttribute('poster')).toBe('blob:r');
    expect(service.fileContent).not.toHaveBeenCalled();
  });

  it('should play a video without a poster when none was made (no ffmpeg on the server)', async () => {
    const element = await render({
      id: 'video-1',
      fileName: 'cut.mp4',
      contentType: 'video/mp4',
      sizeBytes: 1024,
      sha256: 'ef'.repeat(32),
      renditions: [],
    });

    const video = element.querySelector('video') as HTMLVideoElement;
    expect(video.getAttribute('src')).toContain('/stream?token=');
    expect(video.hasAttribute('poster')).toBe(false);
    expect(service.fileRendition).not.toHaveBeenCalled();
  });
});
