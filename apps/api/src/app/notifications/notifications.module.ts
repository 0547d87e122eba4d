import { Global, Module } from '@nestjs/common';
import { NoticesSubscriber } from './notices.subscriber';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Global()
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, NoticesSubscriber],
  exports: [NotificationsService],
})
export class NotificationsModule {}
