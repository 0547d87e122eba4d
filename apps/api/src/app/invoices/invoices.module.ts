import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { FILE_STORAGE, type FileStorage } from '../files/file-storage';
import { PDF_ONLY, streamingStorage } from '../files/upload';
import { msg } from '../i18n/message';
import { SpendModule } from '../spend/spend.module';
import { BillableDeliverables } from './billable-deliverables';
import { IdempotencyService } from './idempotency.service';
import { InvoiceDraftsService } from './invoice-drafts.service';
import { InvoiceDecisionsService } from './invoice-decisions.service';
import { InvoiceJobs } from './invoice-jobs';
import { InvoiceQueriesService } from './invoice-queries.service';
import { INVOICE_DOCUMENT_PREFIX, InvoiceSubmissionService } from './invoice-submission.service';
import { InvoicesController } from './invoices.controller';

@Module({
  imports: [
    SpendModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG, FILE_STORAGE],
      useFactory: (config: ResolvedConfig, storage: FileStorage) => ({
        storage: streamingStorage(storage, () => INVOICE_DOCUMENT_PREFIX, {
          ...PDF_ONLY,
          message: msg('The invoice must be a PDF.'),
        }),
        limits: { fileSize: config.signedDocumentMaxBytes, files: 1, fields: 0 },
      }),
    }),
  ],
  controllers: [InvoicesController],
  providers: [
    InvoiceSubmissionService,
    InvoiceDraftsService,
    BillableDeliverables,
    InvoiceDecisionsService,
    InvoiceQueriesService,
    IdempotencyService,
    InvoiceJobs,
  ],
})
export class InvoicesModule {}
