import { Migration } from '@mikro-orm/migrations';

/**
 * Mail retries are scheduled in PostgreSQL (next_attempt_at), not only in Redis, and a delivery
 * records when its SMTP transaction started: before that a crash means "never reached SMTP".
 */
export class Migration20261203090000_mail_delivery_schedule extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "mail_delivery" add column "next_attempt_at" timestamptz null, add column "smtp_started_at" timestamptz null;`);
    this.addSql(`create index "mail_delivery_due_index" on "mail_delivery" ("status", "next_attempt_at") where "status" not in ('sent', 'failed');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "mail_delivery_due_index";`);
    this.addSql(`alter table "mail_delivery" drop column "next_attempt_at", drop column "smtp_started_at";`);
  }

}
