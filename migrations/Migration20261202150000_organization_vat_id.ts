import { Migration } from '@mikro-orm/migrations';

export class Migration20261202150000_organization_vat_id extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "organization" add column "vat_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organization" drop column "vat_id";`);
  }

}
