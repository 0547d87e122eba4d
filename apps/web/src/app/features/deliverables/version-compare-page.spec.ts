import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { DeliverableDetailDto, DeliverableVersionDto, StoredFileDto } from '@agency-portal/shared';
import { of } from 'rxjs';
import { Notifier } from '../../core/notify/notifier';
import { aComment, aDeliverable, aPage } from '../../testing/fixtures';
import { DeliverableService } from './deliverable.service';
import { VersionComparePage } from './version-compare-page';

function aFile(id: string, contentType = 'image/png'): StoredFileDto {
  return {
    id,
    fileName: `${id}.${contentType.split('/')[1]}`,
    contentType,
    sizeBytes: 1024,
    sha256: 'ab'.repeat(32),
    renditions: [],
  };
}

function aVersion(number: number, files: StoredFileDto[]): DeliverableVersionDto {
  return {
    id: `version-${number}`,
    number,
    copyText: `Copy ${number}`,
    files,
    uploadedBy: { id: 'user-7', name: 'Mo Member', email: 'mo@bright.test' },
    submittedAt: `2026-03-0${number}T10:00:00.000Z`,
  };
}

describe('VersionComparePage', () => {
  let fixture: ComponentFixture<VersionComparePage>;
  let element: HTMLElement;
  let comments: jest.Mock;

  async function render(
    deliverable: DeliverableDetailDto,
    query: Record<string, string> = {},
  ): Promise<void> {
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:x'), revokeObjectURL: jest.fn() });
    comments = jest.fn((versionId: string) =>
      of(aPage([aComment({ id: `c-${versionId}`, versionId, body: `Note on ${versionId}` })])),
    );
    TestBed.configureTestingModule({
      imports: [VersionComparePage],
      providers: [
        provideRouter([]),
        {
          provide: DeliverableService,
          useValue: {
            get: () => of(deliverable),
            comments,
            fileContent: () => of(new Blob(['x'])),
            fileRendition: () => of(new Blob(['x'])),
            // Videos play from a stream link (the review screen's file preview).
            streamLink: (id: string) =>
              of({ url: `/api/files/${id}/stream?token=t`, expiresAt: '2031-01-01T00:00:00Z' }),
          },
        },
        { provide: Notifier, useValue: { error: jest.fn(), success: jest.fn() } },
      ],
    });
    fixture = TestBed.createComponent(VersionComparePage);
    fixture.componentRef.setInput('id', deliverable.id);
    for (const [name, value] of Object.entries(query)) fixture.componentRef.setInput(name, value);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  const sideTitles = () =>
    Array.from(element.querySelectorAll('.ap-compare__title'), (title) =>
      title.firstChild?.textContent?.trim(),
    );

  it('should compare the newest version with the one before it, each with its own comments, by default', async () => {
    await render(
      aDeliverable({
        versions: [aVersion(3, [aFile('f3')]), aVersion(2, [aFile('f2')]), aVersion(1, [aFile('f1')])],
        versionCount: 3,
      }),
    );

    expect(sideTitles()).toEqual(['Version 2', 'Version 3']);
    expect(comments).toHaveBeenCalledWith('version-2', { limit: 100 });
    expect(comments).toHaveBeenCalledWith('version-3', { limit: 100 });
    const sides = element.querySelectorAll('.ap-compare__side');
    expect(sides[0]?.textContent).toContain('Note on version-2');
    expect(sides[1]?.textContent).toContain('Note on version-3');
  });

  it('should compare the versions the URL names', async () => {
    await render(
      aDeliverable({
        versions: [aVersion(3, [aFile('f3')]), aVersion(2, [aFile('f2')]), aVersion(1, [aFile('f1')])],
        versionCount: 3,
      }),
      { left: '1', right: '2' },
    );

    expect(sideTitles()).toEqual(['Version 1', 'Version 2']);
  });

  it('should offer the overlay for two images and draw it with a slider when chosen', async () => {
    await render(
      aDeliverable({ versions: [aVersion(2, [aFile('f2')]), aVersion(1, [aFile('f1')])], versionCount: 2 }),
      { mode: 'overlay' },
    );

    expect(element.textContent).toContain('Overlay');
    expect(element.querySelector('[data-testid="compare-overlay"]')).not.toBeNull();
    const slider = element.querySelector<HTMLInputElement>('[data-testid="compare-slider"]');
    expect(slider?.getAttribute('aria-valuetext')).toBe('50% left version, 50% right version');
  });

  it('should offer linked playback and no overlay for two videos', async () => {
    await render(
      aDeliverable({
        versions: [aVersion(2, [aFile('v2', 'video/mp4')]), aVersion(1, [aFile('v1', 'video/mp4')])],
        versionCount: 2,
      }),
      { mode: 'overlay' },
    );

    expect(element.querySelector('[data-testid="compare-overlay"]')).toBeNull();
    expect(element.textContent).toContain('Link playback');
    expect(element.querySelector('[data-testid="compare-sides"]')).not.toBeNull();
  });

  it('should say there is nothing to compare when the deliverable has one version', async () => {
    await render(aDeliverable());

    expect(element.textContent).toContain('fewer than two versions');
  });
});
