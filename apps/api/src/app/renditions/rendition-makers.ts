import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { access, constants, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import sharp from 'sharp';

/** Longest side of an image preview: sharp on a 2560 px wide review screen at 80 % of its width. */
export const PREVIEW_MAX_PX = 2048;
/** Longest side of a video poster: what the player shows at most. */
export const POSTER_MAX_PX = 1280;
/** ffmpeg gets this long to find a frame before it is stopped. */
const FFMPEG_TIMEOUT_MS = 60_000;

export interface MadeRendition {
  data: Buffer;
  contentType: 'image/webp';
  width: number;
  height: number;
}

/** The content could not be rendered (not a retryable failure: the same bytes fail again). */
export class UnrenderableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnrenderableError';
  }
}

/** An image made smaller for the web: turned upright by its EXIF orientation, at most `maxPx` on its longer side, WebP. */
export async function webImage(input: Readable, maxPx: number): Promise<MadeRendition> {
  const transformer = sharp({ failOn: 'error' })
    .rotate()
    .resize(maxPx, maxPx, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 80, effort: 4 });
  input.once('error', (error) => transformer.destroy(error));
  input.pipe(transformer);
  try {
    const { data, info } = await transformer.toBuffer({ resolveWithObject: true });
    return { data, contentType: 'image/webp', width: info.width, height: info.height };
  } catch (error) {
    // The source failing (storage) is retryable; sharp refusing the bytes is not.
    if (input.errored) throw input.errored;
    throw new UnrenderableError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The ffmpeg to draw posters with: FFMPEG_PATH when set (it must be executable), else `ffmpeg` on
 * the PATH; null when there is none (videos then show without a poster).
 */
export async function findFfmpeg(configured: string | undefined): Promise<string | null> {
  const candidates = configured
    ? [configured]
    : (process.env['PATH'] ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, 'ffmpeg'));
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * A frame of the video one second in (or its first, when it is shorter), as a web image. The
 * video is copied to a temporary file first: ffmpeg must seek in an MP4 whose index is at its end.
 */
export async function videoPoster(ffmpeg: string, input: Readable): Promise<MadeRendition> {
  const directory = await mkdtemp(join(tmpdir(), 'agency-portal-poster-'));
  try {
    const source = join(directory, 'source');
    await pipeline(input, createWriteStream(source));
    const frame = (await grabFrame(ffmpeg, source, 1)) ?? (await grabFrame(ffmpeg, source, 0));
    if (!frame) throw new UnrenderableError('ffmpeg found no video frame');
    return await webImage(Readable.from([frame]), POSTER_MAX_PX);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** One PNG frame at `seconds`, or null when there is none there (past the end, or no video stream). */
function grabFrame(ffmpeg: string, source: string, seconds: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-ss', String(seconds), '-i', source];
    const child = spawn(ffmpeg, [...args, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', 'pipe:1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), FFMPEG_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      const frame = Buffer.concat(chunks);
      if (frame.length > 0) resolve(frame);
      else if (code === 0 || seconds > 0) resolve(null);
      else reject(new UnrenderableError(stderr.trim() || `ffmpeg exited with ${String(code)}`));
    });
  });
}
