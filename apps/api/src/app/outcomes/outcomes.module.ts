import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { FILE_STORAGE, type FileStorage } from '../files/file-storage';
import { streamingStorage } from '../files/upload';
import { IMPORT_FILE_RULE } from './import-files';
import { ImportFormatService } from './import-format.service';
import { ImportJob } from './import-job';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [APP_CONFIG, FILE_STORAGE],
      useFactory: (config: ResolvedConfig, storage: FileStorage) => ({
        storage: streamingStorage(storage, () => 'metric-imports', IMPORT_FILE_RULE),
        limits: { fileSize: config.metricImportMaxBytes, files: 1, fields: 0 },
      }),
    }),
  ],
  controllers: [MetricsController, ImportsController],
  providers: [MetricsService, ImportsService, ImportFormatService, ImportJob],
  exports: [MetricsService],
})
export class OutcomesModule {}
