import { DestroyRef, Directive, ElementRef, inject, input } from '@angular/core';

/** How far apart (seconds) two videos may drift before a seek brings the other along. */
const SEEK_TOLERANCE = 0.15;
const MEDIA_EVENTS = ['play', 'pause', 'seeked', 'ratechange'] as const;

/**
 * Links the playback of every video inside the element (`apVideoSync`): play, pause, seek and
 * speed on one are mirrored on the others. Media events do not bubble, so they are heard in the
 * capture phase, whatever component draws the videos. Mirroring only changes what differs, so the
 * events it causes end there instead of echoing back and forth.
 */
@Directive({ selector: '[apVideoSync]' })
export class VideoSync {
  /** Off: each video plays on its own. */
  readonly apVideoSync = input(true);

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  constructor() {
    const listener = (event: Event): void => this.mirror(event);
    for (const name of MEDIA_EVENTS) this.host.addEventListener(name, listener, true);
    inject(DestroyRef).onDestroy(() => {
      for (const name of MEDIA_EVENTS) this.host.removeEventListener(name, listener, true);
    });
  }

  private mirror(event: Event): void {
    const source = event.target;
    if (!this.apVideoSync() || !(source instanceof HTMLVideoElement)) return;
    for (const other of Array.from(this.host.querySelectorAll('video'))) {
      if (other === source) continue;
      switch (event.type) {
        case 'play':
          if (other.paused) {
            if (Math.abs(other.currentTime - source.currentTime) > SEEK_TOLERANCE)
              other.currentTime = source.currentTime;
            // A play refused by the browser (no data yet) leaves that video paused; nothing to undo.
            void other.play()?.catch(() => undefined);
          }
          break;
        case 'pause':
          if (!other.paused) other.pause();
          break;
        case 'seeked':
          if (Math.abs(other.currentTime - source.currentTime) > SEEK_TOLERANCE)
            other.currentTime = source.currentTime;
          break;
        case 'ratechange':
          if (other.playbackRate !== source.playbackRate) other.playbackRate = source.playbackRate;
          break;
      }
    }
  }
}
