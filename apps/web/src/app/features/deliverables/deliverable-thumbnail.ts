import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import type { DeliverableThumbnailDto } from '@agency-portal/shared';
import { previewKind } from '@agency-portal/shared';
import { catchError, type Observable, type Subscription } from 'rxjs';
import { DeliverableService } from './deliverable.service';

export type ThumbnailKind = 'image' | 'video' | 'pdf' | 'document' | 'none';

export function thumbnailKind(thumbnail: DeliverableThumbnailDto | null): ThumbnailKind {
  if (!thumbnail) return 'none';
  return previewKind(thumbnail.contentType) ?? 'document';
}

const KIND_LABELS: Record<ThumbnailKind, string> = {
  image: $localize`:What a deliverable's thumbnail shows@@thumbnail.image:Image`,
  video: $localize`:What a deliverable's thumbnail shows@@thumbnail.video:Video`,
  pdf: $localize`:What a deliverable's thumbnail shows@@thumbnail.pdf:PDF`,
  document: $localize`:What a deliverable's thumbnail shows@@thumbnail.document:Document`,
  none: $localize`:What a deliverable's thumbnail shows before any version@@thumbnail.none:No version yet`,
};

/**
 * The small picture beside a deliverable in a list: its latest version's image (the server's
 * web-sized copy, the original only while no copy exists) or a video's poster frame, fetched with
 * the access token as a blob once the row scrolls into view; else an icon for the kind of file (a
 * PDF, a document, a video without a poster, no version yet). The one place that draws thumbnails.
 */
@Component({
  selector: 'ap-deliverable-thumbnail',
  template: `
    @if (imageUrl(); as url) {
      <img [src]="url" [alt]="imageAlt()" width="48" height="48" />
    } @else {
      <span class="ap-thumb__icon" role="img" [attr.aria-label]="kindLabel()" [attr.data-kind]="kind()">
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path fill="currentColor" [attr.d]="iconPath()" />
        </svg>
      </span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex: none;
      width: 48px;
      height: 48px;
      border-radius: 8px;
      overflow: hidden;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
    }
    img {
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    .ap-thumb__icon {
      display: flex;
      align-items: center;
      justify-content: center;
      width: 100%;
      height: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeliverableThumbnail {
  readonly thumbnail = input.required<DeliverableThumbnailDto | null>();

  private readonly deliverables = inject(DeliverableService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly visible = signal(false);
  protected readonly imageUrl = signal<string | null>(null);
  protected readonly kind = computed(() => thumbnailKind(this.thumbnail()));
  protected readonly kindLabel = computed(() => KIND_LABELS[this.kind()]);
  protected readonly imageAlt = computed(
    () =>
      $localize`:Alternative text of a deliverable's thumbnail@@thumbnail.alt:Preview of ${this.thumbnail()?.fileName ?? ''}:file:`,
  );
  protected readonly iconPath = computed(() => ICONS[this.kind()]);

  constructor() {
    const destroyRef = inject(DestroyRef);
    this.watchVisibility(destroyRef);
    let subscription: Subscription | undefined;
    let objectUrl: string | null = null;
    const release = (): void => {
      subscription?.unsubscribe();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      objectUrl = null;
      this.imageUrl.set(null);
    };
    effect(() => {
      const thumbnail = this.thumbnail();
      const visible = this.visible();
      untracked(() => {
        release();
        const picture = visible && thumbnail ? this.picture(thumbnail) : null;
        if (!picture) return;
        subscription = picture.subscribe({
          next: (blob) => {
            objectUrl = URL.createObjectURL(blob);
            this.imageUrl.set(objectUrl);
          },
          // The icon stays: a thumbnail is not worth an error message.
          error: () => undefined,
        });
      });
    });
    destroyRef.onDestroy(release);
  }

  /**
   * What to draw: an image's preview copy (falling back to the original, which may be large, only
   * when the server has none yet), a video's poster frame; nothing for other kinds.
   */
  private picture(thumbnail: DeliverableThumbnailDto): Observable<Blob> | null {
    switch (previewKind(thumbnail.contentType)) {
      case 'image':
        return this.deliverables
          .fileRendition(thumbnail.fileId, 'preview')
          .pipe(catchError(() => this.deliverables.fileContent(thumbnail.fileId)));
      case 'video':
        return this.deliverables.fileRendition(thumbnail.fileId, 'poster');
      default:
        return null;
    }
  }

  /** Images load when their row is on screen (all at once where the browser cannot tell). */
  private watchVisibility(destroyRef: DestroyRef): void {
    if (typeof IntersectionObserver === 'undefined') {
      this.visible.set(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          this.visible.set(true);
          observer.disconnect();
        }
      },
      { rootMargin: '200px' },
    );
    observer.observe(this.host.nativeElement);
    destroyRef.onDestroy(() => observer.disconnect());
  }
}

/** One icon per kind, drawn after Material Icons (Apache 2.0). */
const ICONS: Record<ThumbnailKind, string> = {
  image:
    'M19 5v14H5V5h14m0-2H5c-1.1 0-2 .9-2 2v14c0 1.1.9 2 2 2h14c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2zm-4.86 8.86-3 3.87L9 13.14 6 17h12l-3.86-5.14z',
  video:
    'M4 6.47 5.76 10H20v8H4V6.47M22 4h-4l2 4h-3l-2-4h-2l2 4h-3l-2-4H8l2 4H7L5 4H4c-1.1 0-1.99.9-1.99 2L2 18c0 1.1.9 2 2 2h16c1.1 0 2-.9 2-2V4z',
  pdf: 'M20 2H8c-1.1 0-2 .9-2 2v12c0 1.1.9 2 2 2h12c1.1 0 2-.9 2-2V4c0-1.1-.9-2-2-2zm0 14H8V4h12v12zM4 6H2v14c0 1.1.9 2 2 2h14v-2H4V6zm12 6V9c0-.55-.45-1-1-1h-2v5h2c.55 0 1-.45 1-1zm-2-3h1v3h-1V9zm4 2h1v-1h-1V9h1V8h-2v5h1v-2zm-8 0h1c.55 0 1-.45 1-1V9c0-.55-.45-1-1-1H9v5h1v-2zm0-2h1v1h-1V9z',
  document:
    'M14 2H6c-1.1 0-1.99.9-1.99 2L4 20c0 1.1.89 2 1.99 2H18c1.1 0 2-.9 2-2V8l-6-6zM6 20V4h7v5h5v11H6zm2-6h8v2H8v-2zm0 4h5v2H8v-2z',
  none: 'M19 3H5c-1.1 0-2 .9-2 2v14c0 1.1.9 2 2 2h14c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2zm0 16H5V5h14v14zM11 7h2v6h-2V7zm0 8h2v2h-2v-2z',
};
