import { Migration } from '@mikro-orm/migrations';

/** Each organization's language for its mails and documents; German unless chosen otherwise. */
export class Migration20261203130000_organization_locale extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "organization_locale" as enum ('de', 'en');`);
    this.addSql(`alter table "organization" add column "locale" "organization_locale" not null default 'de';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organization" drop column "locale";`);
    this.addSql(`drop type "organization_locale";`);
  }

}
