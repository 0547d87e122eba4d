import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { NoticeListener } from './notice-listener';
import { NoticeStreamController } from './notice-stream.controller';

/**
 * The live notice stream: above Auth (each heartbeat re-checks the session) and Notifications
 * (which words the notice), so it is a module of its own rather than part of the global one.
 */
@Module({
  imports: [AuthModule],
  controllers: [NoticeStreamController],
  providers: [NoticeListener],
})
export class NoticeStreamModule {}
