import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { UploadTempStore } from './upload-temp-store';

/** How often expired uploads are swept. */
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * Deletes abandoned resumable uploads, at boot and hourly. A timer in each process rather than a
 * queued job: unfinished uploads live on this replica's local disk (UPLOAD_TMP_DIR), so every
 * replica sweeps its own. Off with JOBS_ENABLED=false, like the scheduled jobs.
 */
@Injectable()
export class UploadExpiry implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly store: UploadTempStore,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(UploadExpiry.name);
  }

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    this.sweep();
    this.timer = setInterval(() => this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One sweep at a time; a failure is logged and the next sweep tries again. */
  private sweep(): void {
    if (this.running) return;
    this.running = this.store
      .deleteExpired()
      .then((deleted) => {
        if (deleted > 0) this.logger.info({ deleted }, 'Expired uploads deleted');
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'Sweeping expired uploads failed'))
      .finally(() => {
        this.running = undefined;
      });
  }
}
