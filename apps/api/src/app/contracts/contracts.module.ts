import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { FILE_STORAGE, type FileStorage } from '../files/file-storage';
import { PDF_ONLY, streamingStorage } from '../files/upload';
import { BudgetService } from './budget.service';
import { ContractJobs } from './contract-jobs';
import { ContractsController } from './contracts.controller';
import { ContractDocumentsService } from './contract-documents.service';
import { ContractLifecycleService } from './contract-lifecycle.service';
import { ContractTermsService } from './contract-terms.service';
import { ContractsService } from './contracts.service';

@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [APP_CONFIG, FILE_STORAGE],
      useFactory: (config: ResolvedConfig, storage: FileStorage) => ({
        storage: streamingStorage(storage, () => 'contracts', {
          ...PDF_ONLY,
          message: 'The signed document must be a PDF.',
        }),
        limits: { fileSize: config.signedDocumentMaxBytes, files: 1, fields: 0 },
      }),
    }),
  ],
  controllers: [ContractsController],
  providers: [
    ContractsService,
    ContractTermsService,
    ContractLifecycleService,
    ContractDocumentsService,
    BudgetService,
    ContractJobs,
  ],
  exports: [ContractsService, BudgetService],
})
export class ContractsModule {}
