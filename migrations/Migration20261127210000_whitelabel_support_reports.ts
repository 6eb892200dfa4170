import { Migration } from '@mikro-orm/migrations';

export class Migration20261127210000_whitelabel_support_reports extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "organization_logo" ("organization_id" uuid not null, "content_type" text not null, "width" int not null, "height" int not null, "size" int not null, "sha256" text not null, "data" bytea not null, "updated_at" timestamptz not null default now(), constraint "organization_logo_pkey" primary key ("organization_id"));`);
    this.addSql(`alter table "organization_logo" add constraint "organization_logo_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "support_settings" ("organization_id" uuid not null, "company" text not null, "email" text not null, "phone" text not null, "website" text null, "hours" text null, "updated_at" timestamptz not null default now(), constraint "support_settings_pkey" primary key ("organization_id"));`);
    this.addSql(`alter table "support_settings" add constraint "support_settings_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`create type "report_type" as enum ('inventory');`);
    this.addSql(`create type "report_status" as enum ('queued', 'rendering', 'done', 'failed');`);
    this.addSql(`create table "report" ("id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid not null, "type" "report_type" not null, "status" "report_status" not null default 'queued', "requested_by_id" uuid null, "attempts" int not null default 0, "failure_reason" text null, "started_at" timestamptz null, "completed_at" timestamptz null, "pdf" bytea null, constraint "report_pkey" primary key ("id"));`);
    this.addSql(`create index "report_organization_id_created_at_id_index" on "report" ("organization_id", "created_at", "id");`);
    this.addSql(`alter table "report" add constraint "report_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "report" cascade;`);
    this.addSql(`drop type "report_status";`);
    this.addSql(`drop type "report_type";`);
    this.addSql(`drop table if exists "support_settings" cascade;`);
    this.addSql(`drop table if exists "organization_logo" cascade;`);
  }

}
