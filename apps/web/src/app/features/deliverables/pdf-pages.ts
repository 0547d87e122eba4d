import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  effect,
  inject,
  input,
  model,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type PdfDocument, PdfRenderer } from './pdf-renderer';

/**
 * A PDF shown one page at a time with Previous and Next. Whatever is projected into it (pin markers,
 * the pin layer) lies over the page, so positions are fractions of the page shown.
 */
@Component({
  selector: 'ap-pdf-pages',
  imports: [MatButtonModule, MatProgressBarModule],
  template: `
    @if (error(); as message) {
      <p i18n class="ap-form-error" role="alert">The PDF could not be shown: {{ message }}</p>
    } @else if (pdf(); as document) {
      <div class="ap-pdf__toolbar" role="group" [attr.aria-label]="pagesLabel(fileName())">
        <button i18n matButton type="button" [disabled]="page() <= 1" (click)="turn(-1)">
          Previous page
        </button>
        <span i18n class="ap-pdf__position" aria-live="polite"
          >Page {{ page() }} of {{ document.pageCount }}</span
        >
        <button i18n matButton type="button" [disabled]="page() >= document.pageCount" (click)="turn(1)">
          Next page
        </button>
      </div>
      <div class="ap-pdf__page">
        <canvas
          #canvas
          class="ap-pdf__canvas"
          role="img"
          [attr.aria-label]="pageLabel(fileName(), page(), document.pageCount)"
        ></canvas>
        <ng-content />
      </div>
    } @else {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="loadingLabel(fileName())" />
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }

    .ap-pdf__toolbar {
      display: flex;
      align-items: center;
      gap: 8px;
    }

    .ap-pdf__position {
      font: var(--mat-sys-body-medium);
    }

    .ap-pdf__page {
      position: relative;
      align-self: flex-start;
      max-width: 100%;
      line-height: 0;
    }

    .ap-pdf__canvas {
      display: block;
      max-width: 100%;
      max-height: 80vh;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      background: #fff;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PdfPages {
  protected readonly pagesLabel = (name: string): string => $localize`Pages of ${name}:file:`;
  protected readonly pageLabel = (name: string, page: number, count: number): string =>
    $localize`${name}:file:, page ${page}:page: of ${count}:count:`;
  protected readonly loadingLabel = (name: string): string => $localize`Loading ${name}:file:`;
  /** The PDF's bytes. */
  readonly data = input.required<Blob>();
  readonly fileName = input.required<string>();
  /** The page shown, from 1. */
  readonly page = model(1);

  private readonly renderer = inject(PdfRenderer);
  protected readonly pdf = signal<PdfDocument | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly pageCount = computed(() => this.pdf()?.pageCount ?? 0);
  private readonly canvas = viewChild<ElementRef<HTMLCanvasElement>>('canvas');

  constructor() {
    effect((onCleanup) => {
      const data = this.data();
      let closed = false;
      let opened: PdfDocument | null = null;
      untracked(() => {
        this.pdf.set(null);
        this.error.set(null);
      });
      this.renderer.open(data).then(
        (document) => {
          if (closed) {
            void document.destroy();
            return;
          }
          opened = document;
          this.page.update((page) => Math.min(Math.max(1, page), document.pageCount));
          this.pdf.set(document);
        },
        (error: unknown) => {
          if (!closed) {
            this.error.set(messageOf(error));
          }
        },
      );
      onCleanup(() => {
        closed = true;
        void opened?.destroy();
      });
    });
    effect(() => {
      const document = this.pdf();
      const canvas = this.canvas()?.nativeElement;
      const page = this.page();
      if (document && canvas) {
        document.renderPage(page, canvas).catch((error: unknown) => this.error.set(messageOf(error)));
      }
    });
  }

  protected turn(by: -1 | 1): void {
    this.page.update((page) => Math.min(Math.max(1, page + by), this.pageCount()));
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : $localize`the file is not a readable PDF.`;
}
