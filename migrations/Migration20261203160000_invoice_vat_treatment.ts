import { Migration } from '@mikro-orm/migrations';

/** How an invoice was taxed (domestic VAT, reverse charge, outside the EU), fixed at issue; invoices so far were domestic. */
export class Migration20261203160000_invoice_vat_treatment extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "invoice_vat_treatment" as enum ('domestic', 'reverse-charge', 'outside-eu');`);
    this.addSql(`alter table "invoice" add column "vat_treatment" "invoice_vat_treatment" not null default 'domestic';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "invoice" drop column "vat_treatment";`);
    this.addSql(`drop type "invoice_vat_treatment";`);
  }

}
