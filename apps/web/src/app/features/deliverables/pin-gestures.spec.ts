import { KEYBOARD_REGION, RegionDrag, pinFromKey } from './pin-gestures';

describe('RegionDrag', () => {
  it('should draw a rectangle while the button is down and make a region when released far away', () => {
    const drag = new RegionDrag();
    drag.begin({ x: 0.6, y: 0.8 });

    expect(drag.move({ x: 0.3, y: 0.4 })).toEqual({ x: 0.3, y: 0.4, w: 0.3, h: 0.4 });
    expect(drag.end({ x: 0.2, y: 0.2 })).toEqual({ x: 0.2, y: 0.2, w: 0.4, h: 0.6 });
    expect(drag.active).toBe(false);
    // The click that follows the release belongs to the drag, and only that one.
    expect(drag.takeClick()).toBe(true);
    expect(drag.takeClick()).toBe(false);
  });

  it('should make no region and leave the click to place a point when released where it was pressed', () => {
    const drag = new RegionDrag();
    drag.begin({ x: 0.5, y: 0.5 });

    expect(drag.end({ x: 0.502, y: 0.5 })).toBeNull();
    expect(drag.takeClick()).toBe(false);
  });

  it('should draw nothing when the pointer moves with no press under way', () => {
    const drag = new RegionDrag();

    expect(drag.move({ x: 0.9, y: 0.9 })).toBeNull();
    expect(drag.end({ x: 0.9, y: 0.9 })).toBeNull();
  });

  it('should forget the press when the browser cancels it', () => {
    const drag = new RegionDrag();
    drag.begin({ x: 0.1, y: 0.1 });
    drag.cancel();

    expect(drag.active).toBe(false);
    expect(drag.move({ x: 0.9, y: 0.9 })).toBeNull();
    expect(drag.takeClick()).toBe(false);
  });
});

describe('pinFromKey', () => {
  const file = { fileId: 'file-1' };

  it('should place a point in the middle on Enter when nothing is pending on an image', () => {
    expect(pinFromKey('Enter', false, null, false)).toEqual({ kind: 'point', point: { x: 0.5, y: 0.5 } });
    expect(pinFromKey(' ', false, null, false)).toEqual({ kind: 'point', point: { x: 0.5, y: 0.5 } });
  });

  it('should start the centred rectangle on Enter when the preview is a video frame', () => {
    expect(pinFromKey('Enter', false, null, true)).toEqual({ kind: 'region', region: KEYBOARD_REGION });
  });

  it('should move a pending point with the arrows', () => {
    const point = { kind: 'point' as const, x: 0.5, y: 0.5, ...file };

    expect(pinFromKey('ArrowRight', false, point, false)).toEqual({
      kind: 'point',
      point: { x: 0.52, y: 0.5 },
    });
    expect(pinFromKey('ArrowUp', false, point, false)).toEqual({ kind: 'point', point: { x: 0.5, y: 0.48 } });
  });

  it('should turn a point into a rectangle with Shift and an arrow, then resize it', () => {
    const point = { kind: 'point' as const, x: 0.5, y: 0.5, ...file };
    const made = pinFromKey('ArrowRight', true, point, false);
    expect(made).toEqual({ kind: 'region', region: { x: 0.5, y: 0.5, w: 0.2, h: 0.2 } });

    const region = { kind: 'region' as const, x: 0.5, y: 0.5, w: 0.2, h: 0.2, ...file };
    expect(pinFromKey('ArrowRight', true, region, false)).toEqual({
      kind: 'region',
      region: { x: 0.5, y: 0.5, w: 0.22, h: 0.2 },
    });
    expect(pinFromKey('ArrowDown', false, region, false)).toEqual({
      kind: 'region',
      region: { x: 0.5, y: 0.52, w: 0.2, h: 0.2 },
    });
  });

  it('should keep a pending rectangle on Enter, without its file or page', () => {
    const region = { kind: 'region' as const, x: 0.1, y: 0.2, w: 0.3, h: 0.4, page: 2, ...file };

    expect(pinFromKey('Enter', false, region, false)).toEqual({
      kind: 'region',
      region: { x: 0.1, y: 0.2, w: 0.3, h: 0.4 },
    });
  });

  it('should leave every other key to the browser', () => {
    expect(pinFromKey('Tab', false, null, false)).toBeNull();
    expect(pinFromKey('a', true, null, true)).toBeNull();
  });
});
