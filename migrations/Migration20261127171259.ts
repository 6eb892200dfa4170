import { Migration } from '@mikro-orm/migrations';

export class Migration20261127171259 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "mail_delivery_status" as enum ('pending', 'sent', 'failed');`);
    this.addSql(`create type "organization_kind" as enum ('partner', 'customer', 'standalone');`);
    this.addSql(`create type "user_status" as enum ('invited', 'active');`);
    this.addSql(`create type "membership_role" as enum ('admin', 'guest');`);
    this.addSql(`create table "audit_log_entry" ("id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid not null, "actor_id" uuid null, "actor_email" text not null, "actor_type" text not null, "via_partner" boolean not null, "action" text not null, "target_type" text not null, "target_id" uuid null, "ip" text null, constraint "audit_log_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_log_entry_organization_id_created_at_id_index" on "audit_log_entry" ("organization_id", "created_at", "id");`);

    this.addSql(`create table "mail_delivery" ("id" uuid not null, "created_at" timestamptz not null default now(), "template" text not null, "recipient" text not null, "organization_id" uuid null, "references" jsonb not null, "secret_ciphertext" text null, "status" "mail_delivery_status" not null default 'pending', "sent_at" timestamptz null, "attempts" int not null default 0, "last_error" text null, constraint "mail_delivery_pkey" primary key ("id"));`);

    this.addSql(`create table "organization" ("id" uuid not null, "created_at" timestamptz not null default now(), "name" text not null, "address_street" text not null, "address_postal_code" text not null, "address_city" text not null, "address_country" text not null, "kind" "organization_kind" not null, "partner_id" uuid null, "trial_ends_at" timestamptz not null, "trial_licenses" int not null, "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "organization_pkey" primary key ("id"));`);
    this.addSql(`create index "organization_partner_name_idx" on "organization" ("partner_id", "name", "id") where "deleted_at" is null;`);

    this.addSql(`create table "host" ("id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid not null, "name" text not null, "os" text null, constraint "host_pkey" primary key ("id"));`);
    this.addSql(`create index "host_organization_id_created_at_id_index" on "host" ("organization_id", "created_at", "id");`);

    this.addSql(`create table "endpoint" ("id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid not null, "name" text not null, "url" text not null, "interval_seconds" int not null, constraint "endpoint_pkey" primary key ("id"));`);
    this.addSql(`create index "endpoint_organization_id_created_at_id_index" on "endpoint" ("organization_id", "created_at", "id");`);

    this.addSql(`create table "outbox_message" ("id" uuid not null, "created_at" timestamptz not null default now(), "queue" text not null, "job_name" text not null, "job_id" text not null, "payload" jsonb not null, "dispatched_at" timestamptz null, "attempts" int not null default 0, "last_error" text null, constraint "outbox_message_pkey" primary key ("id"));`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_job_id_unique" unique ("job_id");`);
    this.addSql(`create index "outbox_message_pending_idx" on "outbox_message" ("created_at") where "dispatched_at" is null;`);

    this.addSql(`create table "staff_user" ("id" uuid not null, "created_at" timestamptz not null default now(), "email" text not null, "password_hash" text not null, "last_login_at" timestamptz null, constraint "staff_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "staff_user" add constraint "staff_user_email_unique" unique ("email");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "created_at" timestamptz not null default now(), "email" text not null, "name" text not null, "password_hash" text not null, "must_change_password" boolean not null default false, "status" "user_status" not null default 'invited', "last_login_at" timestamptz null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(`create table "refresh_token" ("id" uuid not null, "created_at" timestamptz not null default now(), "user_id" uuid not null, "family_id" uuid not null, "token_hash" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "revoked_at" timestamptz null, constraint "refresh_token_pkey" primary key ("id"));`);
    this.addSql(`create index "refresh_token_user_id_index" on "refresh_token" ("user_id");`);
    this.addSql(`create index "refresh_token_family_id_index" on "refresh_token" ("family_id");`);

    this.addSql(`create table "membership" ("id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid not null, "user_id" uuid not null, "role" "membership_role" not null, constraint "membership_pkey" primary key ("id"));`);
    this.addSql(`create index "membership_user_id_index" on "membership" ("user_id");`);
    this.addSql(`alter table "membership" add constraint "membership_organization_id_user_id_unique" unique ("organization_id", "user_id");`);

    this.addSql(`alter table "organization" add constraint "organization_partner_id_foreign" foreign key ("partner_id") references "organization" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "host" add constraint "host_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "endpoint" add constraint "endpoint_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "refresh_token" add constraint "refresh_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "membership" add constraint "membership_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "membership" add constraint "membership_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

}
