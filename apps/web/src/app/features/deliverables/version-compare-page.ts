import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { DeliverableVersionDto, StoredFileDto } from '@agency-portal/shared';
import { MAX_PAGE_SIZE, previewKind } from '@agency-portal/shared';
import { createLoader } from '../../core/data/loader';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { LoadError } from '../../shared/ui/load-error';
import { DeliverableService } from './deliverable.service';
import { FilePreview } from './file-preview';
import { ImageOverlay } from './image-overlay';
import { markersByFile } from './pins';
import { VersionComments } from './version-comments';
import { VideoSync } from './video-sync';

type CompareMode = 'side' | 'overlay';

interface Side {
  version: DeliverableVersionDto;
  file: StoredFileDto | null;
  fileIndex: number;
}

/**
 * /deliverables/:id/compare?left=1&right=2: two versions of a deliverable side by side (stacked on
 * a phone), each with its comments and their pins; images also as an overlay with a slider, videos
 * with linked playback. The versions, files and mode are in the URL, so a comparison can be shared.
 */
@Component({
  selector: 'ap-version-compare-page',
  imports: [
    FilePreview,
    ImageOverlay,
    LoadError,
    LocalDatePipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    NgTemplateOutlet,
    ReactiveFormsModule,
    RouterLink,
    VersionComments,
    VideoSync,
  ],
  templateUrl: './version-compare-page.html',
  styleUrl: './version-compare-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VersionComparePage {
  readonly id = input.required<string>();
  /** Version numbers, from the query string. */
  readonly left = input<string>();
  readonly right = input<string>();
  /** File positions within each version (0 = first). */
  readonly leftFile = input<string>();
  readonly rightFile = input<string>();
  readonly mode = input<string>();
  /** `off` unlinks the videos' playback. */
  readonly sync = input<string>();

  private readonly service = inject(DeliverableService);
  private readonly router = inject(Router);

  protected readonly deliverable = createLoader(
    () => this.id(),
    (id) => this.service.get(id),
  );
  protected readonly versions = computed(() => this.deliverable.value()?.versions ?? []);

  protected readonly leftSide = computed(() => this.side(this.left(), 1, this.leftFile()));
  protected readonly rightSide = computed(() => this.side(this.right(), 0, this.rightFile()));
  protected readonly bothImages = computed(
    () => this.kindOf(this.leftSide()) === 'image' && this.kindOf(this.rightSide()) === 'image',
  );
  protected readonly bothVideos = computed(
    () => this.kindOf(this.leftSide()) === 'video' && this.kindOf(this.rightSide()) === 'video',
  );
  protected readonly currentMode = computed<CompareMode>(() =>
    this.mode() === 'overlay' && this.bothImages() ? 'overlay' : 'side',
  );
  protected readonly linked = computed(() => this.sync() !== 'off');

  protected readonly leftComments = createLoader(
    () => this.leftSide()?.version.id,
    (versionId) => this.service.comments(versionId, { limit: MAX_PAGE_SIZE }),
  );
  protected readonly rightComments = createLoader(
    () => this.rightSide()?.version.id,
    (versionId) => this.service.comments(versionId, { limit: MAX_PAGE_SIZE }),
  );
  protected readonly leftMarkers = computed(() => markersByFile(this.leftComments.value()?.items ?? []));
  protected readonly rightMarkers = computed(() => markersByFile(this.rightComments.value()?.items ?? []));

  protected readonly versionLabel = (number: number): string =>
    $localize`:A version of a deliverable, by its number@@compare.version:Version ${number}:number:`;
  protected readonly commentsLabel = (number: number): string =>
    $localize`:The comments of one compared version@@compare.commentsOf:Comments on version ${number}:number:`;

  protected pickVersion(which: 'left' | 'right', number: number): void {
    const fileParam = which === 'left' ? 'leftFile' : 'rightFile';
    this.navigate({ [which]: String(number), [fileParam]: null });
  }

  protected pickFile(which: 'left' | 'right', index: number): void {
    this.navigate({ [which === 'left' ? 'leftFile' : 'rightFile']: index === 0 ? null : String(index) });
  }

  protected swap(): void {
    const left = this.leftSide();
    const right = this.rightSide();
    if (!left || !right) return;
    this.navigate({
      left: String(right.version.number),
      right: String(left.version.number),
      leftFile: right.fileIndex === 0 ? null : String(right.fileIndex),
      rightFile: left.fileIndex === 0 ? null : String(left.fileIndex),
    });
  }

  protected setMode(mode: CompareMode): void {
    this.navigate({ mode: mode === 'side' ? null : mode });
  }

  protected setLinked(linked: boolean): void {
    this.navigate({ sync: linked ? null : 'off' });
  }

  /** The version the URL names, else the newest (right) or the one before it (left). */
  private side(param: string | undefined, fallbackIndex: number, fileParam: string | undefined): Side | null {
    const versions = this.versions();
    const number = Number(param);
    const version =
      versions.find((candidate) => candidate.number === number) ??
      versions[Math.min(fallbackIndex, versions.length - 1)];
    if (!version) return null;
    const wanted = Number(fileParam ?? 0);
    const fileIndex = Number.isInteger(wanted) && wanted >= 0 && wanted < version.files.length ? wanted : 0;
    return { version, file: version.files[fileIndex] ?? null, fileIndex };
  }

  private kindOf(side: Side | null): ReturnType<typeof previewKind> {
    return side?.file ? previewKind(side.file.contentType) : null;
  }

  private navigate(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
