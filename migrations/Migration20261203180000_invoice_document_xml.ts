import { Migration } from '@mikro-orm/migrations';

/** The EN 16931 e-invoice (XRechnung, CII) stored with the rendered PDF, which embeds the same data as Factur-X. */
export class Migration20261203180000_invoice_document_xml extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "invoice_document" add column "xml" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "invoice_document" drop column "xml";`);
  }

}
