import { DOCUMENT, NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { CommentPin, Region, StoredFileDto } from '@agency-portal/shared';
import { previewKind } from '@agency-portal/shared';
import { map, of } from 'rxjs';
import { createLoader } from '../../core/data/loader';
import { describeError } from '../../core/http/api-error';
import { Notifier } from '../../core/notify/notifier';
import { saveBlob } from '../../shared/files/save-file';
import { FileSizePipe } from '../../shared/format/file-size.pipe';
import { formatTimecode } from '../../shared/format/timecode';
import { DeliverableService } from './deliverable.service';
import { PdfPages } from './pdf-pages';
import { RegionDrag, pinFromKey } from './pin-gestures';
import {
  type Fractions,
  type PinMarker,
  type TimeMarker,
  fractionsOf,
  isOnShownFrame,
  pointMarkersOf,
  regionMarkersOf,
  timeMarkersOf,
} from './pins';

/** Zoom steps: each press multiplies or divides the scale by this, up to MAX_ZOOM of the image's pixels. */
const ZOOM_STEP = 1.5;
const MAX_ZOOM = 4;
/**
 * One file of a version, reusable wherever a version's file is reviewed (the version tab, a
 * comparison): a preview with zoom, fit and full screen, or a download, with the comment pins
 * drawn over it as numbered markers and outlined regions ("Comment 1"). Images show the server's
 * web-sized rendition when there is one (the original still downloads); videos play from a stream
 * link, so the browser fetches only the ranges it plays, with the poster frame until then; PDFs
 * are drawn page by page. In pin mode a click places a point and a drag draws a rectangle (on a
 * video, a rectangle on the paused frame); the keyboard does both (Enter, arrows, Shift+arrows).
 */
@Component({
  selector: 'ap-file-preview',
  imports: [FileSizePipe, MatButtonModule, MatProgressBarModule, NgTemplateOutlet, PdfPages],
  templateUrl: './file-preview.html',
  styleUrl: './file-preview.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FilePreview {
  protected readonly downloadLabel = (name: string): string => $localize`Download ${name}:file:`;
  protected readonly loadingLabel = (name: string): string => $localize`Loading ${name}:file:`;
  protected readonly commentLabel = (number: number): string => $localize`Comment ${number}:number:`;
  protected readonly placePinLabel = (name: string): string => $localize`Place a pin on ${name}:file:`;
  readonly file = input.required<StoredFileDto>();
  /** The pinned threads on this file. */
  readonly markers = input<PinMarker[]>([]);
  /** Whether the user may pin comments (comment:write). */
  readonly canPin = input(false);
  /** Pin mode is on for this file. */
  readonly pinning = input(false);
  /** A pin placed on this file, not yet posted with a comment. */
  readonly pendingPin = input<CommentPin | null>(null);
  readonly highlightedCommentId = input<string | null>(null);
  readonly pinningChange = output<boolean>();
  readonly pinPlaced = output<CommentPin>();
  readonly markerSelected = output<string>();

  private readonly service = inject(DeliverableService);
  private readonly document = inject(DOCUMENT);
  private readonly notifier = inject(Notifier);

  protected readonly kind = computed(() => previewKind(this.file().contentType));
  private readonly previewRendition = computed(() =>
    this.file().renditions?.some((rendition) => rendition.kind === 'preview'),
  );
  private readonly posterRendition = computed(() =>
    this.file().renditions?.some((rendition) => rendition.kind === 'poster'),
  );
  /** Images (their web-sized rendition when made) and PDFs are fetched whole; videos stream. */
  protected readonly content = createLoader(
    () => {
      const kind = this.kind();
      return kind === 'image' || kind === 'pdf'
        ? { id: this.file().id, rendition: kind === 'image' && this.previewRendition() }
        : undefined;
    },
    ({ id, rendition }) =>
      rendition ? this.service.fileRendition(id, 'preview') : this.service.fileContent(id),
  );
  protected readonly streamUrl = createLoader(
    () => (this.kind() === 'video' ? this.file().id : undefined),
    (id) => this.service.streamLink(id).pipe(map((link) => link.url)),
  );
  private readonly poster = createLoader(
    () => (this.kind() === 'video' && this.posterRendition() ? this.file().id : undefined),
    // A missing poster is no error worth showing: the video plays without one.
    (id) => (id ? this.service.fileRendition(id, 'poster') : of(null)),
  );
  protected readonly objectUrl = signal<string | null>(null);
  protected readonly posterUrl = signal<string | null>(null);
  protected readonly downloading = signal(false);
  /** The PDF page shown (PDFs only); pins and markers belong to the page they were placed on. */
  protected readonly pdfPage = signal(1);
  /** The video's playhead, for drawing the regions of the frame shown. */
  protected readonly videoTime = signal(0);

  /** null: fit to the box; otherwise the scale against the image's own pixels. */
  protected readonly zoom = signal<number | null>(null);
  private readonly naturalWidth = signal(0);
  protected readonly zoomedWidth = computed(() => {
    const zoom = this.zoom();
    return zoom === null ? null : Math.round(this.naturalWidth() * zoom);
  });
  protected readonly fullscreen = signal(false);
  protected readonly zoomPercent = computed(() => {
    const zoom = this.zoom();
    return zoom === null ? null : Math.round(zoom * 100);
  });

  /** A rectangle being dragged, not yet released. */
  protected readonly draft = signal<Region | null>(null);
  private readonly drag = new RegionDrag();

  private onShownFrame(pin: { page?: number; seconds?: number }): boolean {
    return isOnShownFrame(pin, this.kind(), this.pdfPage(), this.videoTime());
  }

  protected readonly pointMarkers = computed(() =>
    pointMarkersOf(this.markers(), (pin) => this.onShownFrame(pin)),
  );
  protected readonly regionMarkers = computed(() =>
    regionMarkersOf(this.markers(), (pin) => this.onShownFrame(pin)),
  );
  protected readonly timeMarkers = computed(() =>
    timeMarkersOf(this.markers()).map((marker) => ({ ...marker, label: formatTimecode(marker.seconds) })),
  );
  protected readonly pendingPoint = computed<Fractions | null>(() => {
    const pin = this.pendingPin();
    return pin?.kind === 'point' && this.onShownFrame(pin) ? { x: pin.x, y: pin.y } : null;
  });
  /** The pending rectangle, or the one being dragged. */
  protected readonly pendingRegion = computed<Region | null>(() => {
    const draft = this.draft();
    if (draft) return draft;
    const pin = this.pendingPin();
    return pin?.kind === 'region' && (this.kind() === 'video' || this.onShownFrame(pin))
      ? { x: pin.x, y: pin.y, w: pin.w, h: pin.h }
      : null;
  });
  protected readonly pinLabel = computed(() => {
    switch (this.kind()) {
      case 'pdf':
        return $localize`Pin on page`;
      case 'video':
        return $localize`Mark an area of the frame`;
      default:
        return $localize`Pin on image`;
    }
  });

  private readonly video = viewChild<ElementRef<HTMLVideoElement>>('video');
  private readonly stage = viewChild<ElementRef<HTMLElement>>('stage');
  private readonly shownImage = viewChild<ElementRef<HTMLImageElement>>('shownImage');

  constructor() {
    // "Show pin" on a comment pinned to another page of this PDF, or another time of this video, goes there.
    effect(() => {
      const id = this.highlightedCommentId();
      untracked(() => {
        const pin = this.markers().find((marker) => marker.commentId === id)?.pin;
        if (this.kind() === 'pdf' && pin && pin.kind !== 'timecode') {
          this.pdfPage.set(pin.page ?? 1);
        }
        if (this.kind() === 'video' && pin && pin.kind !== 'point' && pin.seconds !== undefined) {
          this.seek(pin.seconds);
        }
      });
    });
    this.objectUrlOf(
      () => this.content.value(),
      this.objectUrl,
      () => this.file().contentType,
    );
    this.objectUrlOf(
      () => this.poster.value() ?? undefined,
      this.posterUrl,
      () => 'image/webp',
    );
    // A video in pin mode holds still: the rectangle is drawn on the frame shown.
    effect(() => {
      if (this.pinning() && this.kind() === 'video') {
        untracked(() => this.video()?.nativeElement.pause());
      }
    });
    const onFullscreen = () =>
      this.fullscreen.set(this.document.fullscreenElement === this.stage()?.nativeElement);
    this.document.addEventListener('fullscreenchange', onFullscreen);
    inject(DestroyRef).onDestroy(() => this.document.removeEventListener('fullscreenchange', onFullscreen));
  }

  protected togglePinning(): void {
    this.pinningChange.emit(!this.pinning());
  }

  protected recordNaturalSize(image: HTMLImageElement): void {
    this.naturalWidth.set(image.naturalWidth);
  }

  /** Zoom in from the scale shown (fit counts as the scale it happens to be at). */
  protected zoomIn(): void {
    const image = this.shownImage()?.nativeElement ?? null;
    const shown = this.shownScale(image);
    this.zoom.set(Math.min(MAX_ZOOM, shown * ZOOM_STEP));
  }

  protected zoomOut(): void {
    const image = this.shownImage()?.nativeElement ?? null;
    const next = this.shownScale(image) / ZOOM_STEP;
    // Smaller than fitting shows nothing more: back to fit.
    this.zoom.set(next <= this.fitScale(image) ? null : next);
  }

  protected fit(): void {
    this.zoom.set(null);
  }

  protected toggleFullscreen(): void {
    const stage = this.stage()?.nativeElement;
    if (!stage) return;
    if (this.document.fullscreenElement === stage) {
      void this.document.exitFullscreen();
    } else {
      stage
        .requestFullscreen?.()
        .catch(() => this.notifier.error($localize`Full screen is not available here.`));
    }
  }

  protected trackVideoTime(video: HTMLVideoElement): void {
    this.videoTime.set(video.currentTime);
  }

  /** Pin mode: a press starts a rectangle… */
  protected startDrag(event: PointerEvent, area: HTMLElement): void {
    if (!this.pinning() || event.button !== 0) return;
    this.drag.begin(fractionsOf(event.clientX, event.clientY, area.getBoundingClientRect()));
    area.setPointerCapture?.(event.pointerId);
  }

  /** …that follows the pointer… */
  protected continueDrag(event: PointerEvent, area: HTMLElement): void {
    if (!this.drag.active) return;
    this.draft.set(this.drag.move(fractionsOf(event.clientX, event.clientY, area.getBoundingClientRect())));
  }

  /** …and becomes a region when released far enough away; otherwise the click places a point. */
  protected endDrag(event: PointerEvent, area: HTMLElement): void {
    if (!this.drag.active) return;
    const region = this.drag.end(fractionsOf(event.clientX, event.clientY, area.getBoundingClientRect()));
    this.draft.set(null);
    if (region) this.emitRegion(region);
  }

  /** The browser took the pointer (a gesture, a lost window): the rectangle being drawn goes. */
  protected cancelDrag(): void {
    this.drag.cancel();
    this.draft.set(null);
  }

  /** A click on the image or page in pin mode places a point (a drag just drew a region instead). */
  protected placePointPin(event: MouseEvent, area: HTMLElement): void {
    if (!this.pinning() || this.drag.takeClick()) return;
    if (this.kind() === 'video') return; // a frame takes rectangles; "Pin at current time" takes the moment
    // A click from the keyboard has no position: start in the middle, then move with the arrows.
    const point =
      event.detail === 0
        ? { x: 0.5, y: 0.5 }
        : fractionsOf(event.clientX, event.clientY, area.getBoundingClientRect());
    this.emitPoint(point);
  }

  /** Keyboard pinning (see `pinFromKey`): Enter, the arrows, Shift and the arrows. */
  protected movePin(event: KeyboardEvent): void {
    if (!this.pinning()) return;
    const next = pinFromKey(event.key, event.shiftKey, this.pendingPin(), this.kind() === 'video');
    if (!next) return;
    event.preventDefault();
    if (next.kind === 'region') this.emitRegion(next.region);
    else this.emitPoint(next.point);
  }

  protected pinCurrentTime(): void {
    const seconds = this.video()?.nativeElement.currentTime ?? 0;
    this.pinPlaced.emit({ kind: 'timecode', seconds: roundSeconds(seconds), fileId: this.file().id });
  }

  protected showTimeMarker(marker: TimeMarker): void {
    this.seek(marker.seconds);
    this.markerSelected.emit(marker.commentId);
  }

  protected downloadFile(): void {
    const file = this.file();
    this.downloading.set(true);
    this.service.fileContent(file.id, true).subscribe({
      next: (blob) => {
        this.downloading.set(false);
        saveBlob(this.document, blob, file.fileName);
      },
      error: (error: unknown) => {
        this.downloading.set(false);
        this.notifier.error(describeError(error));
      },
    });
  }

  private seek(seconds: number): void {
    const video = this.video()?.nativeElement;
    if (video) {
      video.pause();
      video.currentTime = seconds;
    }
    this.videoTime.set(seconds);
  }

  private emitPoint(point: Fractions): void {
    const page = this.kind() === 'pdf' ? { page: this.pdfPage() } : {};
    this.pinPlaced.emit({ kind: 'point', x: point.x, y: point.y, ...page, fileId: this.file().id });
  }

  private emitRegion(region: Region): void {
    const where =
      this.kind() === 'pdf'
        ? { page: this.pdfPage() }
        : this.kind() === 'video'
          ? { seconds: roundSeconds(this.video()?.nativeElement.currentTime ?? this.videoTime()) }
          : {};
    const { x, y, w, h } = region;
    this.pinPlaced.emit({ kind: 'region', x, y, w, h, ...where, fileId: this.file().id });
  }

  private shownScale(image: HTMLImageElement | null): number {
    return this.zoom() ?? this.fitScale(image);
  }

  private fitScale(image: HTMLImageElement | null): number {
    const natural = image?.naturalWidth || this.naturalWidth();
    return natural > 0 && image ? image.clientWidth / natural : 1;
  }

  /** Keeps `target` set to an object URL of the blob `source` gives, revoked when it changes. */
  private objectUrlOf(
    source: () => Blob | undefined | null,
    target: ReturnType<typeof signal<string | null>>,
    type: () => string,
  ): void {
    effect((onCleanup) => {
      const blob = source();
      const urls = this.document.defaultView?.URL;
      if (!blob || !urls?.createObjectURL) return;
      // Typed by the server's detection, never by what the response claims: a PDF renders as a PDF.
      const url = urls.createObjectURL(new Blob([blob], { type: untracked(type) }));
      target.set(url);
      onCleanup(() => {
        target.set(null);
        urls.revokeObjectURL(url);
      });
    });
  }
}

function roundSeconds(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}
