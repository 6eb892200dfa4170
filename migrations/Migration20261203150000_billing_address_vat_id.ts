import { Migration } from '@mikro-orm/migrations';

/** The invoice recipient's own VAT ID (USt-IdNr.), printed on its invoices. */
export class Migration20261203150000_billing_address_vat_id extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "billing_address" add column "vat_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "billing_address" drop column "vat_id";`);
  }

}
