import { Module } from '@nestjs/common';
import { MailService } from './mail.service';
import { SecretBox } from './secret-box';

@Module({ providers: [MailService, SecretBox], exports: [MailService, SecretBox] })
export class MailModule {}
