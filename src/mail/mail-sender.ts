import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Transporter, createTransport } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { RenderedMail } from '../../libs/mail-templates';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { MailAttachment } from './mail-content';

export interface OutgoingMail extends RenderedMail {
  to: string;
  /** Display name of the sender (the brand); the address is always MAIL_FROM's. */
  senderName: string;
  attachments?: MailAttachment[];
  /** `<id@domain>`; the same on every attempt of one mail. */
  messageId: string;
  /** Where answers go: a customer organization's partner's support address. */
  replyTo?: string;
}

/**
 * A connection per mail (TCP, greeting, EHLO, perhaps TLS and login) costs more than the mail, so
 * connections are pooled, each replaced after maxMessages mails. nodemailer sends a mail again only
 * when the server had closed the reused connection before any of the mail went out; every other
 * failure reaches MailProcessor as before.
 */
const SMTP_POOL = { pool: true, maxConnections: 5, maxMessages: 100 } as const;

/**
 * Sends over SMTP_URL, or without one writes each mail as an .eml file into
 * MAIL_OUTBOX_DIR, so a fresh checkout runs without an SMTP server. The pool is closed on shutdown,
 * after the mail worker has stopped (MailProcessor.beforeApplicationShutdown), so no mail is left
 * waiting for a connection.
 */
@Injectable()
export class MailSender implements OnApplicationShutdown {
  private readonly transporter: Transporter;
  private readonly fromAddress: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transporter = config.mail.smtpUrl
      ? createTransport({ ...SMTP_POOL, url: config.mail.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
      : createTransport({ streamTransport: true, buffer: true });
    const [from] = addressparser(config.mail.from, { flatten: true });
    this.fromAddress = from?.address || 'no-reply@localhost';
  }

  /** `fileName` names the .eml file when mails are written to disk. */
  async send(mail: OutgoingMail, fileName: string): Promise<void> {
    const info = await this.transporter.sendMail({
      from: { name: mail.senderName, address: this.fromAddress },
      messageId: mail.messageId,
      replyTo: mail.replyTo,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments?.map(({ filename, contentType, content, cid }) => ({ filename, contentType, content, cid })),
    });
    if (!this.config.mail.smtpUrl) {
      await mkdir(this.config.mail.outboxDir, { recursive: true });
      await writeFile(join(this.config.mail.outboxDir, `${fileName}.eml`), info.message as Buffer);
    }
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
