import { DOCUMENT, NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
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
import type { CommentPin, StoredFileDto } from '@agency-portal/shared';
import { previewKind } from '@agency-portal/shared';
import { createLoader } from '../../core/data/loader';
import { describeError } from '../../core/http/api-error';
import { Notifier } from '../../core/notify/notifier';
import { saveBlob } from '../../shared/files/save-file';
import { FileSizePipe } from '../../shared/format/file-size.pipe';
import { formatTimecode } from '../../shared/format/timecode';
import { DeliverableService } from './deliverable.service';
import { PdfPages } from './pdf-pages';
import { type Fractions, type PinMarker, fractionsOf, nudge } from './pins';

/** Videos larger than this wait for "Load preview" instead of downloading on sight. */
const AUTOLOAD_VIDEO_BYTES = 100 * 1024 * 1024;
/** How far an arrow key moves a pin being placed with the keyboard. */
const KEYBOARD_STEP = 0.02;

interface PointMarker {
  commentId: string;
  number: number;
  x: number;
  y: number;
  resolved: boolean;
}

interface TimeMarker {
  commentId: string;
  number: number;
  seconds: number;
  label: string;
  resolved: boolean;
}

/**
 * One file of a version: a preview (image, video or PDF, fetched with the access token as a blob)
 * or a download, with the comment pins drawn over it as numbered markers ("Comment 1"). In pin
 * mode a click on the image or page places a point pin (fractions of its size); videos pin the
 * current time.
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
  protected readonly loadRequested = signal(false);
  protected readonly waitsForRequest = computed(
    () => this.kind() === 'video' && this.file().sizeBytes > AUTOLOAD_VIDEO_BYTES && !this.loadRequested(),
  );
  protected readonly content = createLoader(
    () => (this.kind() !== null && !this.waitsForRequest() ? this.file().id : undefined),
    (id) => this.service.fileContent(id),
  );
  protected readonly objectUrl = signal<string | null>(null);
  protected readonly downloading = signal(false);
  /** The PDF page shown (PDFs only); pins and markers belong to the page they were placed on. */
  protected readonly pdfPage = signal(1);

  protected readonly pointMarkers = computed<PointMarker[]>(() =>
    this.markers().flatMap((marker) =>
      marker.pin.kind === 'point' && this.onShownPage(marker.pin)
        ? [
            {
              commentId: marker.commentId,
              number: marker.number,
              x: marker.pin.x,
              y: marker.pin.y,
              resolved: marker.resolved,
            },
          ]
        : [],
    ),
  );
  protected readonly timeMarkers = computed<TimeMarker[]>(() =>
    this.markers().flatMap((marker) =>
      marker.pin.kind === 'timecode'
        ? [
            {
              commentId: marker.commentId,
              number: marker.number,
              seconds: marker.pin.seconds,
              label: formatTimecode(marker.pin.seconds),
              resolved: marker.resolved,
            },
          ]
        : [],
    ),
  );
  protected readonly pendingPoint = computed<Fractions | null>(() => {
    const pin = this.pendingPin();
    return pin?.kind === 'point' && this.onShownPage(pin) ? { x: pin.x, y: pin.y } : null;
  });
  protected readonly pinLabel = computed(() =>
    this.kind() === 'pdf' ? $localize`Pin on page` : $localize`Pin on image`,
  );

  private readonly video = viewChild<ElementRef<HTMLVideoElement>>('video');

  constructor() {
    // "Show pin" on a comment pinned to another page of this PDF turns to that page.
    effect(() => {
      const id = this.highlightedCommentId();
      untracked(() => {
        const pin = this.markers().find((marker) => marker.commentId === id)?.pin;
        if (this.kind() === 'pdf' && pin?.kind === 'point') {
          this.pdfPage.set(pin.page ?? 1);
        }
      });
    });
    effect((onCleanup) => {
      const blob = this.content.value();
      const urls = this.document.defaultView?.URL;
      if (!blob || !urls?.createObjectURL) {
        return;
      }
      // Typed by the server's detection, never by what the response claims: a PDF renders as a PDF.
      const url = urls.createObjectURL(new Blob([blob], { type: this.file().contentType }));
      this.objectUrl.set(url);
      onCleanup(() => {
        this.objectUrl.set(null);
        urls.revokeObjectURL(url);
      });
    });
  }

  protected togglePinning(): void {
    this.pinningChange.emit(!this.pinning());
  }

  /** A click on the image (or the page area of a PDF) in pin mode. */
  protected placePointPin(event: MouseEvent, area: HTMLElement): void {
    if (!this.pinning()) {
      return;
    }
    // A click from the keyboard has no position: start in the middle, then move with the arrows.
    const point =
      event.detail === 0
        ? { x: 0.5, y: 0.5 }
        : fractionsOf(event.clientX, event.clientY, area.getBoundingClientRect());
    this.emitPoint(point);
  }

  protected movePointPin(event: KeyboardEvent): void {
    if (!this.pinning()) {
      return;
    }
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-KEYBOARD_STEP, 0],
      ArrowRight: [KEYBOARD_STEP, 0],
      ArrowUp: [0, -KEYBOARD_STEP],
      ArrowDown: [0, KEYBOARD_STEP],
    };
    const move = moves[event.key];
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.emitPoint(this.pendingPoint() ?? { x: 0.5, y: 0.5 });
    } else if (move) {
      event.preventDefault();
      this.emitPoint(nudge(this.pendingPoint() ?? { x: 0.5, y: 0.5 }, move[0], move[1]));
    }
  }

  protected pinCurrentTime(): void {
    const seconds = this.video()?.nativeElement.currentTime ?? 0;
    this.pinPlaced.emit({ kind: 'timecode', seconds: Math.round(seconds * 10) / 10, fileId: this.file().id });
  }

  protected showTimeMarker(marker: TimeMarker): void {
    const video = this.video()?.nativeElement;
    if (video) {
      video.currentTime = marker.seconds;
      video.pause();
    }
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

  private emitPoint(point: Fractions): void {
    const page = this.kind() === 'pdf' ? { page: this.pdfPage() } : {};
    this.pinPlaced.emit({ kind: 'point', x: point.x, y: point.y, ...page, fileId: this.file().id });
  }

  /** Pins on images, and pins on the PDF page shown (pins from before pages were known are on page 1). */
  private onShownPage(pin: { page?: number }): boolean {
    return this.kind() !== 'pdf' || (pin.page ?? 1) === this.pdfPage();
  }
}
