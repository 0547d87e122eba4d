import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { previewKind, type RenditionKind } from '@agency-portal/shared';
import { PinoLogger } from 'nestjs-pino';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { UnitOfWork } from '../database/unit-of-work';
import { FILE_STORAGE, type FileStorage } from '../files/file-storage';
import { StoredFile } from '../files/stored-file.entity';
import { QueueService } from '../jobs/queue.service';
import { FileRendition } from './file-rendition.entity';
import {
  PREVIEW_MAX_PX,
  UnrenderableError,
  findFfmpeg,
  videoPoster,
  webImage,
  type MadeRendition,
} from './rendition-makers';

export const RENDITIONS_JOB = 'renditions.make';
export const RENDITIONS_SWEEP_JOB = 'renditions.sweep';
/** Files queued per sweep; the next boot takes the rest. */
const SWEEP_BATCH = 500;

/**
 * The rendition a file gets, by its detected type: images a web-sized preview (not GIFs, whose
 * animation a still would lose, and which are small), videos a poster frame.
 */
export function renditionKindFor(contentType: string): RenditionKind | null {
  const kind = previewKind(contentType);
  if (kind === 'image') return contentType === 'image/gif' ? null : 'preview';
  if (kind === 'video') return 'poster';
  return null;
}

/**
 * Makes renditions in a queued job once a version's files are stored (queued in the submission's
 * transaction), and at boot for files that have none yet (the demo's, and those stored before
 * renditions existed). Each is written to file storage, then recorded; a file that cannot be
 * rendered is recorded as failed and not tried again. Without ffmpeg, videos keep no poster and
 * are tried again at the next boot (once ffmpeg is installed).
 */
@Injectable()
export class RenditionsService implements OnModuleInit {
  private ffmpeg: Promise<string | null> | undefined;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly queue: QueueService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(RenditionsService.name);
  }

  onModuleInit(): void {
    this.queue.register<{ fileId: string }>({
      name: RENDITIONS_JOB,
      retryLimit: 3,
      handle: async ({ fileId }) => {
        await this.make(fileId);
      },
    });
    this.queue.register({
      name: RENDITIONS_SWEEP_JOB,
      runAtBoot: true,
      singleton: true,
      handle: async () => {
        const queued = await this.sweep();
        if (queued > 0) this.logger.info({ queued }, 'Renditions queued for files without one');
      },
    });
  }

  /** Queues the renditions of a version's files, in the transaction that submits it. */
  async queueFor(
    manager: EntityManager,
    files: readonly Pick<StoredFile, 'id' | 'contentType'>[],
  ): Promise<void> {
    for (const file of files) {
      if (renditionKindFor(file.contentType)) {
        await this.queue.sendWithin(manager, RENDITIONS_JOB, { fileId: file.id }, { singletonKey: file.id });
      }
    }
  }

  /** Queues every version file that should have a rendition and has no row yet (ready or failed). */
  async sweep(): Promise<number> {
    const ffmpeg = await this.ffmpegPath();
    const rows = await this.uow.manager.query<{ id: string }[]>(
      `SELECT file.id FROM stored_files file
        WHERE file.version_id IS NOT NULL
          AND ((file.content_type LIKE 'image/%' AND file.content_type <> 'image/gif')
               OR ($1 AND file.content_type LIKE 'video/%'))
          AND NOT EXISTS (SELECT 1 FROM file_renditions r WHERE r.file_id = file.id)
        ORDER BY file.created_at DESC
        LIMIT ${SWEEP_BATCH}`,
      [ffmpeg !== null],
    );
    for (const row of rows) {
      await this.queue.send(RENDITIONS_JOB, { fileId: row.id }, { singletonKey: row.id });
    }
    return rows.length;
  }

  /** Makes and records the file's rendition unless it has one; returns what was recorded. */
  async make(fileId: string): Promise<FileRendition | null> {
    const manager = this.uow.manager;
    const file = await manager.findOneBy(StoredFile, { id: fileId });
    const kind = file ? renditionKindFor(file.contentType) : null;
    if (!file || !kind) return null;
    const existing = await manager.findOneBy(FileRendition, { fileId, kind });
    if (existing) return existing;
    const ffmpeg = kind === 'poster' ? await this.ffmpegPath() : null;
    if (kind === 'poster' && !ffmpeg) return null;

    const started = performance.now();
    let made: MadeRendition;
    try {
      const source = await this.storage.open(file.storageKey);
      made = ffmpeg ? await videoPoster(ffmpeg, source) : await webImage(source, PREVIEW_MAX_PX);
    } catch (error) {
      if (!(error instanceof UnrenderableError)) throw error; // storage trouble: retried
      this.logger.warn({ fileId, kind, err: error }, 'File could not be rendered');
      return this.record({
        fileId,
        kind,
        status: 'failed',
        error: error.message.slice(0, 2000),
        tookMs: elapsed(started),
      });
    }
    const storageKey = `renditions/${fileId}/${kind}.webp`;
    await this.storage.put(storageKey, Readable.from([made.data]));
    return this.record({
      fileId,
      kind,
      status: 'ready',
      storageKey,
      contentType: made.contentType,
      sizeBytes: made.data.length,
      sha256: createHash('sha256').update(made.data).digest('hex'),
      width: made.width,
      height: made.height,
      tookMs: elapsed(started),
    });
  }

  private async record(values: Partial<FileRendition>): Promise<FileRendition> {
    // Two workers rendering the same file: the first row stands, the second changes nothing.
    await this.uow.manager
      .createQueryBuilder()
      .insert()
      .into(FileRendition)
      .values(values)
      .orIgnore()
      .execute();
    return this.uow.manager.findOneByOrFail(FileRendition, { fileId: values.fileId, kind: values.kind });
  }

  private ffmpegPath(): Promise<string | null> {
    this.ffmpeg ??= findFfmpeg(this.config.ffmpegPath).then((path) => {
      if (!path)
        this.logger.warn(
          'No ffmpeg found (set FFMPEG_PATH, or apt-get install ffmpeg): videos get no poster',
        );
      return path;
    });
    return this.ffmpeg;
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
