import { aComment } from '../../testing/fixtures';
import {
  type PinMarker,
  fractionsOf,
  isOnShownFrame,
  markersByFile,
  pointMarkersOf,
  regionMarkersOf,
  timeMarkersOf,
  moveRegion,
  nudge,
  regionFromDrag,
  resizeRegion,
  threadNumbers,
} from './pins';

describe('pins', () => {
  const image = { left: 100, top: 50, width: 400, height: 200 };

  it('should convert a click to fractions of the image when the image is clicked', () => {
    expect(fractionsOf(200, 100, image)).toEqual({ x: 0.25, y: 0.25 });
    expect(fractionsOf(500, 250, image)).toEqual({ x: 1, y: 1 });
  });

  it('should keep the pin on the image when the click lands just outside it', () => {
    expect(fractionsOf(90, 260, image)).toEqual({ x: 0, y: 1 });
  });

  it('should round to four decimals when the click is between pixels', () => {
    expect(fractionsOf(233.333, 50, image)).toEqual({ x: 0.3333, y: 0 });
  });

  it('should place nothing off the image when the preview has no size yet', () => {
    expect(fractionsOf(10, 10, { left: 0, top: 0, width: 0, height: 0 })).toEqual({ x: 0, y: 0 });
  });

  it('should move a pin with the keyboard without leaving the image when nudged', () => {
    expect(nudge({ x: 0.5, y: 0.99 }, 0.02, 0.02)).toEqual({ x: 0.52, y: 1 });
  });

  it('should number threads in the order they were made when replies are mixed in', () => {
    const comments = [
      aComment({ id: 'c2', createdAt: '2026-03-05T12:00:00.000Z' }),
      aComment({ id: 'reply', parentId: 'c1', createdAt: '2026-03-05T11:30:00.000Z' }),
      aComment({ id: 'c1', createdAt: '2026-03-05T11:00:00.000Z' }),
    ];

    expect([...threadNumbers(comments)]).toEqual([
      ['c1', 1],
      ['c2', 2],
    ]);
  });

  it('should draw a numbered marker per pinned thread on its file when comments are pinned', () => {
    const comments = [
      aComment({ id: 'c1', createdAt: '2026-03-05T11:00:00.000Z' }),
      aComment({
        id: 'c2',
        createdAt: '2026-03-05T12:00:00.000Z',
        pin: { kind: 'point', x: 0.25, y: 0.5, fileId: 'file-1' },
        resolved: true,
      }),
      aComment({
        id: 'c3',
        createdAt: '2026-03-05T13:00:00.000Z',
        pin: { kind: 'timecode', seconds: 12, fileId: 'file-2' },
      }),
    ];

    const markers = markersByFile(comments);

    expect(markers.get('file-1')).toEqual([
      {
        commentId: 'c2',
        number: 2,
        pin: { kind: 'point', x: 0.25, y: 0.5, fileId: 'file-1' },
        resolved: true,
      },
    ]);
    expect(markers.get('file-2')?.map((marker) => marker.number)).toEqual([3]);
  });

  describe('regions', () => {
    it('should draw the rectangle between the corners when dragged in any direction', () => {
      expect(regionFromDrag({ x: 0.6, y: 0.5 }, { x: 0.2, y: 0.1 })).toEqual({
        x: 0.2,
        y: 0.1,
        w: 0.4,
        h: 0.4,
      });
      expect(regionFromDrag({ x: 0.2, y: 0.1 }, { x: 0.6, y: 0.5 })).toEqual({
        x: 0.2,
        y: 0.1,
        w: 0.4,
        h: 0.4,
      });
    });

    it('should be no region (a click places a point) when the drag is too small to see', () => {
      expect(regionFromDrag({ x: 0.5, y: 0.5 }, { x: 0.505, y: 0.7 })).toBeNull();
      expect(regionFromDrag({ x: 0.5, y: 0.5 }, { x: 0.5, y: 0.5 })).toBeNull();
    });

    it('should keep the region inside the preview when moved by the arrow keys against an edge', () => {
      const region = { x: 0.7, y: 0.1, w: 0.25, h: 0.2 };
      expect(moveRegion(region, 0.1, 0)).toEqual({ ...region, x: 0.75 });
      expect(moveRegion(region, 0, -0.5)).toEqual({ ...region, y: 0 });
    });

    it('should grow and shrink the region when resized, never past the edge nor below the smallest size', () => {
      const region = { x: 0.7, y: 0.1, w: 0.2, h: 0.2 };
      expect(resizeRegion(region, 0.2, 0.1)).toEqual({ ...region, w: 0.3, h: 0.3 });
      expect(resizeRegion(region, -1, 0)).toEqual({ ...region, w: 0.01 });
    });
  });

  it('should list regions among the markers of their file when a thread is pinned to a rectangle', () => {
    const region = { kind: 'region' as const, x: 0.1, y: 0.2, w: 0.3, h: 0.4, fileId: 'file-1' };
    const markers = markersByFile([aComment({ id: 'c1', pin: region })]);
    expect(markers.get('file-1')).toEqual([{ commentId: 'c1', number: 1, pin: region, resolved: false }]);
  });

  describe('markers over the preview', () => {
    const marker = (commentId: string, pin: PinMarker['pin']): PinMarker => ({
      commentId,
      number: Number(commentId),
      pin,
      resolved: false,
    });
    const markers = [
      marker('1', { kind: 'point', x: 0.1, y: 0.2, fileId: 'f' }),
      marker('2', { kind: 'region', x: 0.1, y: 0.2, w: 0.3, h: 0.4, page: 2, fileId: 'f' }),
      marker('3', { kind: 'timecode', seconds: 12.5, fileId: 'f' }),
      marker('4', { kind: 'region', x: 0, y: 0, w: 0.5, h: 0.5, seconds: 3, fileId: 'f' }),
    ];

    it('should keep a pin on the PDF page shown, page 1 when it names none', () => {
      expect(isOnShownFrame({ page: 2 }, 'pdf', 2, 0)).toBe(true);
      expect(isOnShownFrame({ page: 2 }, 'pdf', 1, 0)).toBe(false);
      expect(isOnShownFrame({}, 'pdf', 1, 0)).toBe(true);
    });

    it('should keep a pin on a video frame only within half a second of the playhead', () => {
      expect(isOnShownFrame({ seconds: 3 }, 'video', 1, 3.5)).toBe(true);
      expect(isOnShownFrame({ seconds: 3 }, 'video', 1, 3.6)).toBe(false);
      expect(isOnShownFrame({}, 'video', 1, 0)).toBe(false);
      expect(isOnShownFrame({ page: 9, seconds: 99 }, 'image', 1, 0)).toBe(true);
    });

    it('should split the pins into points and regions, each kept by the frame shown', () => {
      const onPageTwo = (pin: PinMarker['pin']) => pin.kind !== 'timecode' && (pin.page ?? 1) === 2;

      expect(pointMarkersOf(markers, () => true)).toEqual([
        { commentId: '1', number: 1, resolved: false, x: 0.1, y: 0.2 },
      ]);
      expect(regionMarkersOf(markers, onPageTwo)).toEqual([
        { commentId: '2', number: 2, resolved: false, x: 0.1, y: 0.2, w: 0.3, h: 0.4 },
      ]);
    });

    it('should list the moments of a video: timecodes and regions drawn on a frame', () => {
      expect(timeMarkersOf(markers)).toEqual([
        { commentId: '3', number: 3, resolved: false, seconds: 12.5 },
        { commentId: '4', number: 4, resolved: false, seconds: 3 },
      ]);
    });
  });
});
