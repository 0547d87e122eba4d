import type { CommentPin } from './brief.types';

/** What a comment can be pinned to: a point or a rectangle on an image, a PDF page or a video frame, or a video's timecode. */
export const PIN_KINDS = ['point', 'region', 'timecode'] as const;
export type PinKind = (typeof PIN_KINDS)[number];

/** The previews pins are drawn on. */
export type PinTarget = 'image' | 'pdf' | 'video';

/**
 * A region narrower or lower than this (a fraction of the width or height) is a click, not a
 * drag: the web app places a point instead, the API refuses it.
 */
export const MIN_REGION_SIZE = 0.01;

/** Rounding slack for fractions computed in the browser (x + w may come out as 1.0000000001). */
const EPSILON = 1e-9;

/** A rectangle in fractions (0..1) of the preview's width and height, from its top-left corner. */
export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Why a region cannot be stored: too small to see, or reaching out of the preview. */
export type RegionProblem = 'too_small' | 'outside';

export function regionProblem(region: Region): RegionProblem | null {
  const { x, y, w, h } = region;
  if (![x, y, w, h].every(Number.isFinite)) return 'outside';
  if (x < 0 || y < 0 || x + w > 1 + EPSILON || y + h > 1 + EPSILON) return 'outside';
  if (w < MIN_REGION_SIZE || h < MIN_REGION_SIZE) return 'too_small';
  return null;
}

/** A pin's field that does not fit the file it is on, and why. */
export interface PinProblem {
  field: 'pin.kind' | 'pin.page' | 'pin.seconds';
  problem:
    | 'kind_not_on_target'
    | 'page_required'
    | 'page_only_on_pdf'
    | 'seconds_required'
    | 'seconds_only_on_video';
}

/**
 * Which pins go on which preview: points and regions on images and PDF pages (with the page, on a
 * PDF only), regions also on a video frame (with its time, on a video only), timecodes on videos.
 */
export function pinProblem(pin: CommentPin, target: PinTarget): PinProblem | null {
  if (pin.kind === 'timecode') {
    return target === 'video' ? null : { field: 'pin.kind', problem: 'kind_not_on_target' };
  }
  if (pin.kind === 'point' && target === 'video') return { field: 'pin.kind', problem: 'kind_not_on_target' };
  if (target === 'pdf' && pin.page === undefined) return { field: 'pin.page', problem: 'page_required' };
  if (target !== 'pdf' && pin.page !== undefined) return { field: 'pin.page', problem: 'page_only_on_pdf' };
  if (pin.kind === 'region') {
    if (target === 'video' && pin.seconds === undefined)
      return { field: 'pin.seconds', problem: 'seconds_required' };
    if (target !== 'video' && pin.seconds !== undefined)
      return { field: 'pin.seconds', problem: 'seconds_only_on_video' };
  }
  return null;
}
