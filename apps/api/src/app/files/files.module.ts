import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { FILE_STORAGE } from './file-storage';
import { FilesService } from './files.service';
import { LocalDiskStorage } from './local-disk-storage';

@Global()
@Module({
  providers: [
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: ResolvedConfig) => new LocalDiskStorage(config.storageDir),
    },
    FilesService,
  ],
  exports: [FILE_STORAGE, FilesService],
})
export class FilesModule {}
