import { Module } from '@nestjs/common';
import { OutboxRelay } from './outbox-relay.service';

/** Imported only where workers run. */
@Module({ providers: [OutboxRelay] })
export class OutboxRelayModule {}
