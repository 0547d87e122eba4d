import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type WritableSignal,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { StoredFileDto } from '@agency-portal/shared';
import { createLoader } from '../../core/data/loader';
import { DeliverableService } from './deliverable.service';

/**
 * Two images of two versions over each other, the right one revealed from the left edge as far as
 * the slider says: differences show where the edge passes. The slider is a native range input, so
 * the arrow keys, Home/End and Page Up/Down move it.
 */
@Component({
  selector: 'ap-image-overlay',
  imports: [MatProgressBarModule],
  template: `
    @if (leftUrl() && rightUrl()) {
      <div class="ap-overlay" data-testid="compare-overlay">
        <img class="ap-overlay__image" [src]="leftUrl()" [alt]="leftLabel()" />
        <img
          class="ap-overlay__image ap-overlay__top"
          [src]="rightUrl()"
          [alt]="rightLabel()"
          [style.clip-path]="'inset(0 0 0 ' + reveal() + '%)'"
        />
        <span class="ap-overlay__edge" aria-hidden="true" [style.left.%]="reveal()"></span>
      </div>
      <label class="ap-overlay__control">
        <span i18n="Slider between two overlaid versions of an image@@compare.overlaySlider"
          >Show more of the left or the right version</span
        >
        <input
          type="range"
          min="0"
          max="100"
          step="1"
          data-testid="compare-slider"
          [value]="reveal()"
          [attr.aria-valuetext]="valueText()"
          (input)="reveal.set(+$any($event.target).value)"
        />
      </label>
    } @else if (left.error() || right.error()) {
      <p
        i18n="An image of the overlay comparison could not be loaded@@compare.overlayError"
        class="ap-form-error"
        role="alert"
      >
        The images could not be loaded for the overlay.
      </p>
    } @else {
      <mat-progress-bar
        mode="indeterminate"
        aria-label="Loading the images"
        i18n-aria-label="@@compare.overlayLoading"
      />
    }
  `,
  styles: `
    .ap-overlay {
      position: relative;
      display: grid;
      max-width: 100%;
      overflow: hidden;
      background: var(--mat-sys-surface-container);
    }
    .ap-overlay__image {
      grid-area: 1 / 1;
      max-width: 100%;
      max-height: 70vh;
      margin: 0 auto;
      object-fit: contain;
    }
    .ap-overlay__edge {
      position: absolute;
      top: 0;
      bottom: 0;
      width: 2px;
      background: var(--mat-sys-primary);
      pointer-events: none;
    }
    .ap-overlay__control {
      display: grid;
      gap: 4px;
      margin-top: 8px;
    }
    .ap-overlay__control input {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImageOverlay {
  readonly leftFile = input.required<StoredFileDto>();
  readonly rightFile = input.required<StoredFileDto>();
  readonly leftLabel = input.required<string>();
  readonly rightLabel = input.required<string>();

  private readonly service = inject(DeliverableService);
  private readonly urls = inject(DOCUMENT).defaultView?.URL;

  /** Percent of the width, from the left, where the right image starts. */
  protected readonly reveal = signal(50);
  protected readonly valueText = computed(() => {
    const left = this.reveal();
    const right = 100 - left;
    return $localize`:Where the overlay slider stands@@compare.overlayValue:${left}:left:% left version, ${right}:right:% right version`;
  });
  protected readonly left = createLoader(
    () => this.leftFile().id,
    (id) => this.service.fileContent(id),
  );
  protected readonly right = createLoader(
    () => this.rightFile().id,
    (id) => this.service.fileContent(id),
  );
  protected readonly leftUrl = signal<string | null>(null);
  protected readonly rightUrl = signal<string | null>(null);

  constructor() {
    this.follow(
      () => this.left.value(),
      () => this.leftFile().contentType,
      this.leftUrl,
    );
    this.follow(
      () => this.right.value(),
      () => this.rightFile().contentType,
      this.rightUrl,
    );
  }

  /** An object URL for each loaded blob, typed by the server's detection, revoked when replaced. */
  private follow(blob: () => Blob | undefined, type: () => string, url: WritableSignal<string | null>): void {
    effect((onCleanup) => {
      const value = blob();
      if (!value || !this.urls?.createObjectURL) return;
      const created = this.urls.createObjectURL(new Blob([value], { type: type() }));
      url.set(created);
      onCleanup(() => {
        url.set(null);
        this.urls?.revokeObjectURL(created);
      });
    });
  }
}
