import type ExcelJS from 'exceljs';

/** The parts of a Node (or readable-stream) writable the pacing uses: write() and its 'drain'. */
interface EntryStream {
  write(chunk: unknown, ...rest: unknown[]): boolean;
  once(event: 'drain', listener: () => void): unknown;
  removeListener(event: 'drain', listener: () => void): unknown;
}

/** The output the workbook is written to: ended early when the reader goes away. */
interface Output {
  once(event: 'close' | 'error', listener: () => void): unknown;
  removeListener(event: 'close' | 'error', listener: () => void): unknown;
  readonly destroyed: boolean;
  readonly writableFinished: boolean;
}

function isEntryStream(value: unknown): value is EntryStream {
  const candidate = value as Partial<EntryStream> | null;
  return (
    typeof candidate?.write === 'function' &&
    typeof candidate.once === 'function' &&
    typeof candidate.removeListener === 'function'
  );
}

/**
 * Paces a streamed worksheet by its zip entry. exceljs's streaming writer ignores backpressure
 * inside: a committed row's XML goes to the worksheet's buffer (a StreamBuf), which hands every
 * 64 kB to the zip's entry stream (a PassThrough that archiver reads and deflates) whatever that
 * stream's write() answers. The response's own backpressure therefore stops archiver, not the rows:
 * behind a slow reader the uncompressed XML piled up in the entry stream (~100 MB for 158 k lines).
 *
 * The entry stream is an ordinary writable, though: its write() answers false once it holds more
 * than its high-water mark, and it emits 'drain' when the zip has taken it. This watches those
 * answers and lets the writer commit the next row only when the entry has room, so what waits in
 * memory is bounded (a buffer of 64 kB, the entry's, the deflater's and archiver's own) whatever
 * the reader's speed.
 *
 * Reaching the entry stream uses two exceljs internals (the worksheet's `stream`, the StreamBuf's
 * `pipes`); a version without them fails here, at once and loudly, rather than leaking again
 * (xlsx-backpressure.spec.ts).
 */
export class ZipEntryPacing {
  private full = false;

  private constructor(private readonly entry: EntryStream) {
    const write = entry.write.bind(entry);
    entry.write = (chunk: unknown, ...rest: unknown[]): boolean => {
      const room = write(chunk, ...rest);
      if (!room) this.full = true;
      return room;
    };
  }

  /** Watches the zip entry of a streaming worksheet; call it once the sheet has written a row. */
  static of(sheet: ExcelJS.Worksheet): ZipEntryPacing {
    const buffer = (sheet as unknown as { stream?: { pipes?: unknown } }).stream;
    const pipes = buffer?.pipes;
    const entry: unknown = Array.isArray(pipes) && pipes.length === 1 ? pipes[0] : undefined;
    if (!isEntryStream(entry)) {
      throw new Error(
        'exceljs: a streamed worksheet without its one zip entry stream; check ZipEntryPacing against this exceljs version',
      );
    }
    return new ZipEntryPacing(entry);
  }

  /** True while the zip entry holds more than it wants. */
  get waiting(): boolean {
    return this.full;
  }

  /**
   * Resolves once the zip entry has taken what it held (at once when it has room); rejects when
   * the output ends first (the reader went away), so an export never waits on a gone client.
   */
  room(out: Output): Promise<void> {
    if (!this.full) return Promise.resolve();
    if (out.destroyed || out.writableFinished)
      return Promise.reject(new Error('The export’s reader went away'));
    return new Promise<void>((resolve, reject) => {
      const drained = () => {
        this.full = false;
        settle();
        resolve();
      };
      const gone = () => {
        settle();
        reject(new Error('The export’s reader went away'));
      };
      const settle = () => {
        this.entry.removeListener('drain', drained);
        out.removeListener('close', gone);
        out.removeListener('error', gone);
      };
      this.entry.once('drain', drained);
      out.once('close', gone);
      out.once('error', gone);
    });
  }
}
