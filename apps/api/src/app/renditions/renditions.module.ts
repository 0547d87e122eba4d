import { Module } from '@nestjs/common';
import { RenditionsService } from './renditions.service';

/** Web-sized previews of images and poster frames of videos, made in queued jobs. */
@Module({
  providers: [RenditionsService],
  exports: [RenditionsService],
})
export class RenditionsModule {}
