import { Migration } from '@mikro-orm/migrations';

/** Organizations that require two-factor authentication of their members (a partner's applies to its customers). */
export class Migration20261206233000_require_mfa extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "organization" add column "require_mfa" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organization" drop column "require_mfa";`);
  }

}
