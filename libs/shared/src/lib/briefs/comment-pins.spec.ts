import type { CommentPin } from './brief.types';
import { pinProblem, regionProblem } from './comment-pins';

const fileId = '00000000-0000-4000-8000-000000000001';

describe('regionProblem', () => {
  it('should accept a rectangle when it lies inside the preview, edges included', () => {
    expect(regionProblem({ x: 0.1, y: 0.2, w: 0.3, h: 0.4 })).toBeNull();
    expect(regionProblem({ x: 0, y: 0, w: 1, h: 1 })).toBeNull();
    expect(regionProblem({ x: 0.7, y: 0.9, w: 0.3, h: 0.1 })).toBeNull();
  });

  it('should tolerate rounding when the right edge is a hair past 1', () => {
    expect(regionProblem({ x: 0.7, y: 0, w: 0.30000000000000004, h: 0.5 })).toBeNull();
  });

  it('should refuse a rectangle when it reaches out of the preview', () => {
    expect(regionProblem({ x: 0.8, y: 0, w: 0.3, h: 0.5 })).toBe('outside');
    expect(regionProblem({ x: 0, y: 0.6, w: 0.5, h: 0.5 })).toBe('outside');
    expect(regionProblem({ x: -0.1, y: 0, w: 0.5, h: 0.5 })).toBe('outside');
    expect(regionProblem({ x: 0, y: 0, w: Number.NaN, h: 0.5 })).toBe('outside');
  });

  it('should refuse a rectangle when it is too small to see', () => {
    expect(regionProblem({ x: 0.5, y: 0.5, w: 0, h: 0.2 })).toBe('too_small');
    expect(regionProblem({ x: 0.5, y: 0.5, w: 0.2, h: 0.005 })).toBe('too_small');
  });
});

describe('pinProblem', () => {
  const point: CommentPin = { kind: 'point', x: 0.5, y: 0.5, fileId };
  const region: CommentPin = { kind: 'region', x: 0.1, y: 0.1, w: 0.2, h: 0.2, fileId };
  const timecode: CommentPin = { kind: 'timecode', seconds: 3, fileId };

  it('should accept points and regions on an image when they carry neither page nor time', () => {
    expect(pinProblem(point, 'image')).toBeNull();
    expect(pinProblem(region, 'image')).toBeNull();
  });

  it('should require the page when a point or region is on a PDF', () => {
    expect(pinProblem(region, 'pdf')).toEqual({ field: 'pin.page', problem: 'page_required' });
    expect(pinProblem({ ...region, page: 2 }, 'pdf')).toBeNull();
    expect(pinProblem({ ...point, page: 1 }, 'pdf')).toBeNull();
  });

  it('should refuse a page when the pin is not on a PDF', () => {
    expect(pinProblem({ ...region, page: 1 }, 'image')).toEqual({
      field: 'pin.page',
      problem: 'page_only_on_pdf',
    });
  });

  it('should require the time when a region is on a video frame', () => {
    expect(pinProblem(region, 'video')).toEqual({ field: 'pin.seconds', problem: 'seconds_required' });
    expect(pinProblem({ ...region, seconds: 4.2 }, 'video')).toBeNull();
    expect(pinProblem({ ...region, seconds: 4.2 }, 'image')).toEqual({
      field: 'pin.seconds',
      problem: 'seconds_only_on_video',
    });
  });

  it('should keep timecodes to videos and points off them', () => {
    expect(pinProblem(timecode, 'video')).toBeNull();
    expect(pinProblem(timecode, 'image')).toEqual({ field: 'pin.kind', problem: 'kind_not_on_target' });
    expect(pinProblem(point, 'video')).toEqual({ field: 'pin.kind', problem: 'kind_not_on_target' });
  });
});
