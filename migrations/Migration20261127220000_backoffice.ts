import { Migration } from '@mikro-orm/migrations';

export class Migration20261127220000_backoffice extends Migration {

  override async up(): Promise<void> {
    // Back-office sessions (connect-pg-simple's table, with a time zone on expire).
    this.addSql(`create table "admin_session" ("sid" text not null, "sess" json not null, "expire" timestamptz not null, constraint "admin_session_pkey" primary key ("sid"));`);
    this.addSql(`create index "admin_session_expire_index" on "admin_session" ("expire");`);

    // Staff changes to the catalog, staff logins or queues belong to no organization; they keep what they touched in details.
    this.addSql(`alter table "audit_log_entry" alter column "organization_id" drop not null;`);
    this.addSql(`alter table "audit_log_entry" add column "details" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "audit_log_entry" drop column "details";`);
    this.addSql(`delete from "audit_log_entry" where "organization_id" is null;`);
    this.addSql(`alter table "audit_log_entry" alter column "organization_id" set not null;`);
    this.addSql(`drop table if exists "admin_session" cascade;`);
  }

}
