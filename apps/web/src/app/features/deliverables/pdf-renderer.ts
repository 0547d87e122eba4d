import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';

/** Pixels across a rendered page: crisp up to ~700 CSS pixels on a 2x screen; CSS scales it down. */
const RENDER_WIDTH_PX = 1400;

/** An open PDF: how many pages it has, and drawing one of them onto a canvas. */
export interface PdfDocument {
  readonly pageCount: number;
  /** Draws page `page` (from 1); a draw still running on the canvas is cancelled first. */
  renderPage(page: number, canvas: HTMLCanvasElement): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * Renders PDFs with pdf.js (Mozilla's renderer) instead of the browser's own viewer, so a comment can
 * be pinned to a page: the browser's viewer does not say which page is shown. pdf.js is loaded only
 * when a PDF is previewed; its worker, CMaps (Korean, Japanese, Chinese text) and standard fonts are
 * copied into /pdfjs/ by the build. Scripts inside PDFs are never run.
 */
@Injectable({ providedIn: 'root' })
export class PdfRenderer {
  private readonly document = inject(DOCUMENT);

  async open(data: Blob): Promise<PdfDocument> {
    const pdfjs = await import('pdfjs-dist');
    const base = (path: string) => new URL(`pdfjs/${path}`, this.document.baseURI).href;
    pdfjs.GlobalWorkerOptions.workerSrc = base('pdf.worker.min.mjs');
    const pdf = await pdfjs.getDocument({
      data: new Uint8Array(await data.arrayBuffer()),
      cMapUrl: base('cmaps/'),
      cMapPacked: true,
      standardFontDataUrl: base('standard_fonts/'),
      isEvalSupported: false,
      enableXfa: false,
    }).promise;
    const running = new WeakMap<HTMLCanvasElement, { cancel(): void; promise: Promise<void> }>();

    return {
      pageCount: pdf.numPages,
      async renderPage(page: number, canvas: HTMLCanvasElement): Promise<void> {
        const previous = running.get(canvas);
        if (previous) {
          previous.cancel();
          await previous.promise.catch(() => undefined);
        }
        const proxy = await pdf.getPage(page);
        const viewport = proxy.getViewport({
          scale: RENDER_WIDTH_PX / proxy.getViewport({ scale: 1 }).width,
        });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        const task = proxy.render({ canvas, viewport });
        running.set(canvas, task);
        try {
          await task.promise;
        } catch (error) {
          // A newer page replaced this one: not an error the person needs to see.
          if ((error as { name?: string }).name !== 'RenderingCancelledException') {
            throw error;
          }
        } finally {
          if (running.get(canvas) === task) {
            running.delete(canvas);
          }
        }
      },
      destroy: () => pdf.destroy(),
    };
  }
}
