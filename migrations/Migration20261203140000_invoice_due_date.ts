import { Migration } from '@mikro-orm/migrations';

/**
 * Invoices state when they are due (§14 UStG asks for the payment terms): issue date plus
 * PAYMENT_TERMS_DAYS, fixed at issue. Invoices already issued get the default 14 days; the
 * immutability trigger is lifted for exactly that backfill.
 */
export class Migration20261203140000_invoice_due_date extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "invoice" add column "due_at" timestamptz null;`);
    this.addSql(`alter table "invoice" disable trigger "invoice_immutable";`);
    this.addSql(`update "invoice" set "due_at" = "issued_at" + interval '14 days' where "type" = 'invoice';`);
    this.addSql(`alter table "invoice" enable trigger "invoice_immutable";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "invoice" drop column "due_at";`);
  }

}
