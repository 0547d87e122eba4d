import type { CommentPin, Region } from '@agency-portal/shared';
import { type Fractions, moveRegion, nudge, regionFromDrag, resizeRegion } from './pins';

/** How far an arrow key moves (or, with Shift, resizes) a pin being placed with the keyboard. */
export const KEYBOARD_STEP = 0.02;
/** The rectangle Enter starts with on a video frame, centred. */
export const KEYBOARD_REGION: Region = { x: 0.3, y: 0.3, w: 0.4, h: 0.4 };

const ARROWS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-KEYBOARD_STEP, 0],
  ArrowRight: [KEYBOARD_STEP, 0],
  ArrowUp: [0, -KEYBOARD_STEP],
  ArrowDown: [0, KEYBOARD_STEP],
};

const CENTRE: Fractions = { x: 0.5, y: 0.5 };

/**
 * A press, drag and release over a preview in pin mode, in fractions of the preview: the rectangle
 * it draws while the button is down, the region it makes when released far enough away, and
 * whether the click the browser sends after the release belongs to the drag (then it places no
 * point). A cancelled press (the browser took the pointer) leaves nothing behind.
 */
export class RegionDrag {
  private start: Fractions | null = null;
  private dragged = false;

  get active(): boolean {
    return this.start !== null;
  }

  begin(at: Fractions): void {
    this.start = at;
    this.dragged = false;
  }

  /** The rectangle drawn so far, or null when no press is under way or it is still a click. */
  move(at: Fractions): Region | null {
    return this.start ? regionFromDrag(this.start, at) : null;
  }

  /** The region the release makes, or null when it was a click (or no press was under way). */
  end(at: Fractions): Region | null {
    const region = this.move(at);
    this.start = null;
    this.dragged = region !== null;
    return region;
  }

  cancel(): void {
    this.start = null;
    this.dragged = false;
  }

  /** Called on the click after a release: true when that click ended a drag (and places nothing). */
  takeClick(): boolean {
    const dragged = this.dragged;
    this.dragged = false;
    return dragged;
  }
}

/** What a key press does to the pin being placed: a point or a region to place, or nothing. */
export type KeyedPin = { kind: 'point'; point: Fractions } | { kind: 'region'; region: Region } | null;

/**
 * Keyboard pinning: Enter (or Space) places a point in the middle (on a video frame, a rectangle),
 * the arrows move it, Shift and the arrows turn a point into a rectangle and resize it. Other keys
 * do nothing (null), so the browser keeps them.
 */
export function pinFromKey(
  key: string,
  shift: boolean,
  pending: CommentPin | null,
  onVideoFrame: boolean,
): KeyedPin {
  const region = pending?.kind === 'region' ? pending : null;
  const point = pending?.kind === 'point' ? { x: pending.x, y: pending.y } : null;
  if (key === 'Enter' || key === ' ') {
    if (onVideoFrame || region) return { kind: 'region', region: boxOf(region ?? KEYBOARD_REGION) };
    return { kind: 'point', point: point ?? CENTRE };
  }
  const move = ARROWS[key];
  if (!move) return null;
  const [dx, dy] = move;
  if (shift) {
    if (region) return { kind: 'region', region: resizeRegion(boxOf(region), dx, dy) };
    const start = { ...(point ?? { x: 0.4, y: 0.4 }), w: 0.2, h: 0.2 };
    return { kind: 'region', region: moveRegion(start, 0, 0) };
  }
  if (region || onVideoFrame) {
    return { kind: 'region', region: moveRegion(boxOf(region ?? KEYBOARD_REGION), dx, dy) };
  }
  return { kind: 'point', point: nudge(point ?? CENTRE, dx, dy) };
}

function boxOf({ x, y, w, h }: Region): Region {
  return { x, y, w, h };
}
