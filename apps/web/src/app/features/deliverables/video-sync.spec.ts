import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { VideoSync } from './video-sync';

@Component({
  imports: [VideoSync],
  template: `<div [apVideoSync]="linked">
    <div><video id="a"></video></div>
    <video id="b"></video>
  </div>`,
})
class Host {
  linked = true;
}

/** A video whose playback state the test drives (jsdom implements no media playback). */
function controllable(video: HTMLVideoElement) {
  const state = { paused: true, currentTime: 0, playbackRate: 1 };
  Object.defineProperty(video, 'paused', { get: () => state.paused });
  Object.defineProperty(video, 'currentTime', {
    get: () => state.currentTime,
    set: (value: number) => (state.currentTime = value),
  });
  Object.defineProperty(video, 'playbackRate', {
    get: () => state.playbackRate,
    set: (value: number) => (state.playbackRate = value),
  });
  const play = jest.fn(() => {
    state.paused = false;
    return Promise.resolve();
  });
  const pause = jest.fn(() => {
    state.paused = true;
  });
  Object.assign(video, { play, pause });
  return { state, play, pause, fire: (type: string) => video.dispatchEvent(new Event(type)) };
}

describe('VideoSync', () => {
  async function render(linked = true) {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.linked = linked;
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    return {
      a: controllable(element.querySelector('#a') as HTMLVideoElement),
      b: controllable(element.querySelector('#b') as HTMLVideoElement),
    };
  }

  it('should start the other video at the same time when one plays', async () => {
    const { a, b } = await render();
    a.state.paused = false;
    a.state.currentTime = 12;

    a.fire('play');

    expect(b.play).toHaveBeenCalledTimes(1);
    expect(b.state.currentTime).toBe(12);
  });

  it('should pause, seek and change speed together without echoing back', async () => {
    const { a, b } = await render();
    b.state.paused = false;
    a.state.currentTime = 30;
    a.state.playbackRate = 1.5;

    a.fire('pause');
    a.fire('seeked');
    a.fire('ratechange');
    // The mirrored changes fire their own events on b: a is already where b is, so nothing moves.
    b.fire('pause');
    b.fire('seeked');
    b.fire('ratechange');

    expect(b.pause).toHaveBeenCalledTimes(1);
    expect(b.state).toMatchObject({ paused: true, currentTime: 30, playbackRate: 1.5 });
    expect(a.pause).not.toHaveBeenCalled();
  });

  it('should leave the other video alone when playback is not linked', async () => {
    const { a, b } = await render(false);

    a.fire('play');

    expect(b.play).not.toHaveBeenCalled();
  });
});
