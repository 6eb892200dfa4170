import { Migration } from '@mikro-orm/migrations';

/** API keys for partners' REST clients; audit entries name a key by its name, as they have no e-mail. */
export class Migration20261203200000_api_keys extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "api_key" ("id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid not null, "name" text not null, "prefix" text not null, "token_hash" text not null, "scopes" text[] not null, "created_by_id" uuid null, "created_by_email" text not null, "expires_at" timestamptz not null, "last_used_at" timestamptz null, "last_used_ip" text null, "revoked_at" timestamptz null, constraint "api_key_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_key" add constraint "api_key_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "api_key_organization_id_created_at_id_index" on "api_key" ("organization_id", "created_at", "id");`);
    this.addSql(`alter table "api_key" add constraint "api_key_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "audit_log_entry" add column "actor_name" text null;`);
    this.addSql(`alter table "audit_log_entry" alter column "actor_email" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_key" cascade;`);
    this.addSql(`alter table "audit_log_entry" drop column "actor_name";`);
    this.addSql(`alter table "audit_log_entry" alter column "actor_email" set not null;`);
  }

}
