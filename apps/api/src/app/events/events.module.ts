import { Global, Module } from '@nestjs/common';
import { DomainEvents } from './domain-events.service';

/** Domain events through the outbox; subscribers (notices, mail, webhooks) register themselves. */
@Global()
@Module({ providers: [DomainEvents], exports: [DomainEvents] })
export class EventsModule {}
