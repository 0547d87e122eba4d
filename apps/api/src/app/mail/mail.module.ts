import { Global, Module } from '@nestjs/common';
import { MailService } from './mail.service';
import { MailSubscriber } from './mail.subscriber';
import { OutboxController } from './outbox.controller';

@Global()
@Module({ controllers: [OutboxController], providers: [MailService, MailSubscriber], exports: [MailService] })
export class MailModule {}
