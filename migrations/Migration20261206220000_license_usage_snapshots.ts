import { Migration } from '@mikro-orm/migrations';

/** Daily licence usage per organization, for the partners' monthly usage reports. */
export class Migration20261206220000_license_usage_snapshots extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "license_source" as enum ('subscription', 'trial', 'none');`);
    this.addSql(`create table "license_usage_snapshot" ("organization_id" uuid not null, "day" date not null, "licenses_limit" int not null, "licenses_used" int not null, "source" "license_source" not null, "recorded_at" timestamptz not null default now(), constraint "license_usage_snapshot_pkey" primary key ("organization_id", "day"));`);
    this.addSql(`alter table "license_usage_snapshot" add constraint "license_usage_snapshot_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "license_usage_snapshot" cascade;`);
    this.addSql(`drop type "license_source";`);
  }

}
