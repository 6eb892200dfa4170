import { Module } from '@nestjs/common';
import { MailSender } from './mail-sender';
import { MailModule } from './mail.module';
import { MailProcessor } from './mail.processor';

/** The `mail` queue's worker; imported only where workers run. */
@Module({ imports: [MailModule], providers: [MailProcessor, MailSender] })
export class MailWorkerModule {}
