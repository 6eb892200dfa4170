import { Migration } from '@mikro-orm/migrations';

/** Organizations' webhooks and their deliveries (API.md v1.1, Integrations: webhooks). */
export class Migration20261206210000_webhooks extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "webhook_delivery_status" as enum ('pending', 'sending', 'succeeded', 'failed');`);
    this.addSql(`create table "webhook_endpoint" ("id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid not null, "url" text not null, "description" text null, "events" text[] not null, "include_customers" boolean not null default false, "secret_ciphertext" text not null, "previous_secret_ciphertext" text null, "previous_secret_expires_at" timestamptz null, "failing_since" timestamptz null, "disabled_at" timestamptz null, "disabled_reason" text null, "created_by" text not null, "updated_at" timestamptz not null default now(), constraint "webhook_endpoint_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_endpoint_organization_id_created_at_id_index" on "webhook_endpoint" ("organization_id", "created_at", "id");`);
    this.addSql(`alter table "webhook_endpoint" add constraint "webhook_endpoint_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "webhook_delivery" ("id" uuid not null, "created_at" timestamptz not null default now(), "endpoint_id" uuid not null, "event_id" uuid not null, "event_type" text not null, "payload" jsonb not null, "dedupe_key" text null, "status" "webhook_delivery_status" not null default 'pending', "attempts" int not null default 0, "next_attempt_at" timestamptz null, "claimed_at" timestamptz null, "last_attempt_at" timestamptz null, "response_status" int null, "duration_ms" int null, "last_error" text null, "succeeded_at" timestamptz null, constraint "webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create index "webhook_delivery_due_idx" on "webhook_delivery" ("next_attempt_at") where "status" in ('pending', 'sending');`);
    this.addSql(`create index "webhook_delivery_endpoint_id_created_at_id_index" on "webhook_delivery" ("endpoint_id", "created_at", "id");`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoint" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "webhook_delivery" cascade;`);
    this.addSql(`drop table if exists "webhook_endpoint" cascade;`);
    this.addSql(`drop type "webhook_delivery_status";`);
  }

}
