import { Module } from '@nestjs/common';
import { MailContentRegistry } from './mail-content.registry';
import { MailService } from './mail.service';
import { SecretBox } from './secret-box';

@Module({ providers: [MailService, SecretBox, MailContentRegistry], exports: [MailService, SecretBox, MailContentRegistry] })
export class MailModule {}
