import type { CommentDto, CommentPin, Region, previewKind } from '@agency-portal/shared';
import { MIN_REGION_SIZE } from '@agency-portal/shared';

export interface Fractions {
  x: number;
  y: number;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

function clampFraction(value: number): number {
  if (!Number.isFinite(value)) {
    return 0;
  }
  // Four decimals: a hundredth of a percent is finer than any screen shows.
  return Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000;
}

/**
 * Where a click landed on an image or a PDF page, as fractions of its width and height (0..1 from
 * the top-left corner), so a pin stays put whatever size the preview is shown at.
 */
export function fractionsOf(clientX: number, clientY: number, box: Box): Fractions {
  if (box.width <= 0 || box.height <= 0) {
    return { x: 0, y: 0 };
  }
  return {
    x: clampFraction((clientX - box.left) / box.width),
    y: clampFraction((clientY - box.top) / box.height),
  };
}

/** A point pin moved by the arrow keys (keyboard pinning), staying on the image. */
export function nudge(point: Fractions, dx: number, dy: number): Fractions {
  return { x: clampFraction(point.x + dx), y: clampFraction(point.y + dy) };
}

/**
 * The rectangle a drag from `start` to `end` drew (either direction), or null when it is too small
 * to be anything but a click (then the click places a point).
 */
export function regionFromDrag(start: Fractions, end: Fractions): Region | null {
  const x = Math.min(start.x, end.x);
  const y = Math.min(start.y, end.y);
  const w = clampFraction(Math.abs(end.x - start.x));
  const h = clampFraction(Math.abs(end.y - start.y));
  if (w < MIN_REGION_SIZE || h < MIN_REGION_SIZE) {
    return null;
  }
  return { x: clampFraction(x), y: clampFraction(y), w: Math.min(w, 1 - x), h: Math.min(h, 1 - y) };
}

/** A region moved by the arrow keys, kept whole inside the preview. */
export function moveRegion(region: Region, dx: number, dy: number): Region {
  return {
    ...region,
    x: clampFraction(Math.min(1 - region.w, Math.max(0, region.x + dx))),
    y: clampFraction(Math.min(1 - region.h, Math.max(0, region.y + dy))),
  };
}

/** A region grown or shrunk by Shift and the arrow keys from its top-left corner, never below the smallest size nor past the edge. */
export function resizeRegion(region: Region, dw: number, dh: number): Region {
  const fit = (size: number, start: number) =>
    clampFraction(Math.max(MIN_REGION_SIZE, Math.min(1 - start, size)));
  return { ...region, w: fit(region.w + dw, region.x), h: fit(region.h + dh, region.y) };
}

/** A numbered comment pinned on a file, drawn as a marker over its preview. */
export interface PinMarker {
  commentId: string;
  /** The thread's number in the comments list ("Comment 3"). */
  number: number;
  pin: CommentPin;
  resolved: boolean;
}

/** Threads (top-level comments) numbered 1, 2, 3… in the order they were made. */
export function threadNumbers(comments: readonly CommentDto[]): Map<string, number> {
  const threads = comments
    .filter((comment) => comment.parentId === null)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return new Map(threads.map((comment, index) => [comment.id, index + 1]));
}

/** The markers of the pinned threads of a version, per file id. */
export function markersByFile(comments: readonly CommentDto[]): Map<string, PinMarker[]> {
  const numbers = threadNumbers(comments);
  const byFile = new Map<string, PinMarker[]>();
  for (const comment of comments) {
    const number = numbers.get(comment.id);
    if (!comment.pin || number === undefined) {
      continue;
    }
    const marker: PinMarker = { commentId: comment.id, number, pin: comment.pin, resolved: comment.resolved };
    byFile.set(comment.pin.fileId, [...(byFile.get(comment.pin.fileId) ?? []), marker]);
  }
  for (const markers of byFile.values()) {
    markers.sort((a, b) => a.number - b.number);
  }
  return byFile;
}

/** A region on a video frame is drawn while the playhead is this close to its time. */
export const FRAME_TOLERANCE_SECONDS = 0.5;

interface Marker {
  commentId: string;
  number: number;
  resolved: boolean;
}
export interface PointMarker extends Marker, Fractions {}
export interface RegionMarker extends Marker, Region {}
export interface TimeMarker extends Marker {
  seconds: number;
}

/**
 * Whether a pin belongs to what the preview shows: a PDF's page shown, a video's frame within
 * FRAME_TOLERANCE_SECONDS of the playhead (a pin with no time is on no frame), an image always.
 */
export function isOnShownFrame(
  pin: { page?: number; seconds?: number },
  kind: ReturnType<typeof previewKind>,
  page: number,
  playhead: number,
): boolean {
  if (kind === 'pdf') return (pin.page ?? 1) === page;
  if (kind === 'video') {
    return pin.seconds !== undefined && Math.abs(pin.seconds - playhead) <= FRAME_TOLERANCE_SECONDS;
  }
  return true;
}

/** The point markers drawn over the preview: the point pins `shown` keeps. */
export function pointMarkersOf(
  markers: readonly PinMarker[],
  shown: (pin: CommentPin) => boolean,
): PointMarker[] {
  return markers.flatMap(({ commentId, number, resolved, pin }) =>
    pin.kind === 'point' && shown(pin) ? [{ commentId, number, resolved, x: pin.x, y: pin.y }] : [],
  );
}

/** The outlined regions drawn over the preview: the region pins `shown` keeps. */
export function regionMarkersOf(
  markers: readonly PinMarker[],
  shown: (pin: CommentPin) => boolean,
): RegionMarker[] {
  return markers.flatMap(({ commentId, number, resolved, pin }) =>
    pin.kind === 'region' && shown(pin)
      ? [{ commentId, number, resolved, x: pin.x, y: pin.y, w: pin.w, h: pin.h }]
      : [],
  );
}

/** The moments listed under a video: its timecode pins and the regions drawn on a frame. */
export function timeMarkersOf(markers: readonly PinMarker[]): TimeMarker[] {
  return markers.flatMap(({ commentId, number, resolved, pin }) =>
    pin.kind === 'timecode' || (pin.kind === 'region' && pin.seconds !== undefined)
      ? [{ commentId, number, resolved, seconds: pin.seconds ?? 0 }]
      : [],
  );
}
