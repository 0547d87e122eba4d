import { Global, Module } from '@nestjs/common';
import { InAppNoticesSubscriber } from './in-app-notices.subscriber';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Global()
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, InAppNoticesSubscriber],
  exports: [NotificationsService],
})
export class NotificationsModule {}
