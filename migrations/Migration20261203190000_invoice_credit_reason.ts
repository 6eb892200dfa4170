import { Migration } from '@mikro-orm/migrations';

/** Why staff corrected an invoice: printed on the credit note and carried in its e-invoice. */
export class Migration20261203190000_invoice_credit_reason extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "invoice" add column "credit_reason" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "invoice" drop column "credit_reason";`);
  }

}
