import { TestBed } from '@angular/core/testing';
import type { DeliverableThumbnailDto } from '@agency-portal/shared';
import { type Observable, of, throwError } from 'rxjs';
import { DeliverableThumbnail } from './deliverable-thumbnail';
import { DeliverableService } from './deliverable.service';

const IMAGE: DeliverableThumbnailDto = { fileId: 'file-1', fileName: 'post.png', contentType: 'image/png' };
const VIDEO: DeliverableThumbnailDto = { fileId: 'file-2', fileName: 'reel.mp4', contentType: 'video/mp4' };
const PDF: DeliverableThumbnailDto = {
  fileId: 'file-3',
  fileName: 'deck.pdf',
  contentType: 'application/pdf',
};

describe('DeliverableThumbnail', () => {
  const createObjectURL = jest.fn(() => 'blob:thumb');
  const revokeObjectURL = jest.fn();
  let fileContent: jest.Mock<Observable<Blob>, [string]>;
  let fileRendition: jest.Mock<Observable<Blob>, [string, string]>;

  beforeAll(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  });

  beforeEach(() => {
    fileContent = jest.fn<Observable<Blob>, [string]>(() => of(new Blob(['original'])));
    fileRendition = jest.fn<Observable<Blob>, [string, string]>(() => of(new Blob(['copy'])));
    TestBed.configureTestingModule({
      imports: [DeliverableThumbnail],
      providers: [{ provide: DeliverableService, useValue: { fileContent, fileRendition } }],
    });
  });

  async function render(thumbnail: DeliverableThumbnailDto): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(DeliverableThumbnail);
    fixture.componentRef.setInput('thumbnail', thumbnail);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it("should draw an image's web-sized copy, never downloading the original when the copy exists", async () => {
    const element = await render(IMAGE);

    expect(fileRendition).toHaveBeenCalledWith('file-1', 'preview');
    expect(fileContent).not.toHaveBeenCalled();
    expect(element.querySelector('img')?.getAttribute('src')).toBe('blob:thumb');
  });

  it('should fall back to the original while the server has no copy yet', async () => {
    fileRendition.mockReturnValue(throwError(() => new Error('404')));
    const element = await render(IMAGE);

    expect(fileContent).toHaveBeenCalledWith('file-1');
    expect(element.querySelector('img')).not.toBeNull();
  });

  it("should draw a video's poster frame, and its icon when it has none", async () => {
    const element = await render(VIDEO);
    expect(fileRendition).toHaveBeenCalledWith('file-2', 'poster');
    expect(element.querySelector('img')).not.toBeNull();

    fileRendition.mockReturnValue(throwError(() => new Error('404')));
    const without = await render(VIDEO);
    expect(without.querySelector('img')).toBeNull();
    expect(without.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('Video');
    expect(fileContent).not.toHaveBeenCalled();
  });

  it('should show an icon for a PDF without fetching anything', async () => {
    const element = await render(PDF);

    expect(fileRendition).not.toHaveBeenCalled();
    expect(fileContent).not.toHaveBeenCalled();
    expect(element.querySelector('[role="img"]')?.getAttribute('data-kind')).toBe('pdf');
  });
});
