import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { FILE_STORAGE } from './file-storage';
import { FilesService } from './files.service';
import { LocalDiskStorage } from './local-disk-storage';
import { S3Storage } from './s3-storage';

@Global()
@Module({
  providers: [
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      // S3-compatible object storage when S3_BUCKET is set, local disk otherwise.
      useFactory: (config: ResolvedConfig) =>
        config.s3 ? new S3Storage(config.s3) : new LocalDiskStorage(config.storageDir),
    },
    FilesService,
  ],
  exports: [FILE_STORAGE, FilesService],
})
export class FilesModule {}
