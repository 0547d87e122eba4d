import { Module } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { DeliverablesModule } from '../deliverables/deliverables.module';
import { TusUploadServer } from './tus-upload-server';
import { UploadPipeline } from './upload-pipeline';
import { UploadTempStore } from './upload-temp-store';
import { UploadsController } from './uploads.controller';
import { UploadsService } from './uploads.service';
import { UploadExpiry } from './upload-expiry';

/**
 * Deliverable file uploads (tus at /api/uploads). Before a byte is stored, DeliverablesService says
 * whether the actor may upload for the deliverable; UploadsService is exported for the review's
 * claimForVersion(). Nothing here is imported back by deliverables.
 */
@Module({
  imports: [DeliverablesModule],
  controllers: [UploadsController],
  providers: [
    {
      provide: UploadTempStore,
      inject: [APP_CONFIG],
      useFactory: (config: ResolvedConfig) => new UploadTempStore(config.uploadTmpDir, config.uploadExpireMs),
    },
    UploadPipeline,
    TusUploadServer,
    UploadsService,
    UploadExpiry,
  ],
  exports: [UploadsService],
})
export class UploadsModule {}
