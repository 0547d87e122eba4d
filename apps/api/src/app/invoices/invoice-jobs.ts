import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { FILE_STORAGE, type FileStorage } from '../files/file-storage';
import { QueueService } from '../jobs/queue.service';
import { IdempotencyService } from './idempotency.service';
import { INVOICE_DOCUMENT_PREFIX } from './invoice-submission.service';

export const INVOICE_SWEEP_JOB = 'invoices.sweep';

/** Hourly: forgets idempotency keys past their time, and removes invoice PDFs no invoice claimed within a day. */
@Injectable()
export class InvoiceJobs implements OnModuleInit {
  constructor(
    private readonly queue: QueueService,
    private readonly idempotency: IdempotencyService,
    private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(InvoiceJobs.name);
  }

  onModuleInit(): void {
    this.queue.register({
      name: INVOICE_SWEEP_JOB,
      schedule: '7 * * * *',
      runAtBoot: true,
      singleton: true,
      handle: async () => {
        this.logger.info(await this.sweep(), 'Invoice sweep');
      },
    });
  }

  async sweep(): Promise<{ keys: number; documents: number }> {
    const keys = await this.idempotency.sweep();
    const orphans: { id: string; storage_key: string }[] = await this.dataSource.query(
      `DELETE FROM stored_files f
        WHERE f.storage_key LIKE $1 AND f.created_at < now() - interval '1 day'
          AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.document_id = f.id)
        RETURNING f.id, f.storage_key`,
      [`${INVOICE_DOCUMENT_PREFIX}/%`],
    );
    await Promise.all(orphans.map((file) => this.storage.remove(file.storage_key).catch(() => undefined)));
    return { keys, documents: orphans.length };
  }
}
