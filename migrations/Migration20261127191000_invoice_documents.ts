import { Migration } from '@mikro-orm/migrations';

export class Migration20261127191000_invoice_documents extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "invoice_document_status" as enum ('pending', 'rendered', 'failed');`);
    this.addSql(`create table "invoice_document" ("invoice_id" uuid not null, "status" "invoice_document_status" not null default 'pending', "pdf" bytea null, "rendered_at" timestamptz null, "attempts" int not null default 0, "last_error" text null, "created_at" timestamptz not null default now(), constraint "invoice_document_pkey" primary key ("invoice_id"));`);
    this.addSql(`alter table "invoice_document" add constraint "invoice_document_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id") on update cascade on delete restrict;`);

    // A mail that must exist at most once (e.g. `invoice:<id>`); a rerun job finds it and queues none.
    this.addSql(`alter table "mail_delivery" add column "dedupe_key" text null;`);
    this.addSql(`alter table "mail_delivery" add constraint "mail_delivery_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`alter table "mail_delivery" add column "claimed_at" timestamptz null;`);
    // PostgreSQL 12+ allows this inside the migration transaction; the value cannot be used before it commits,
    // so nothing in this migration (or a later one applied in the same run) may write 'sending'.
    this.addSql(`alter type "mail_delivery_status" add value if not exists 'sending' after 'pending';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "invoice_document" cascade;`);
    this.addSql(`drop type if exists "invoice_document_status";`);
    this.addSql(`alter table "mail_delivery" drop constraint "mail_delivery_dedupe_key_unique";`);
    this.addSql(`alter table "mail_delivery" drop column "dedupe_key", drop column "claimed_at";`);
    // An enum value cannot be dropped; 'sending' stays in mail_delivery_status.
  }

}
