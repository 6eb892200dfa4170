import { Migration } from '@mikro-orm/migrations';

/**
 * How an invoice is paid, fixed at issue (the billing owner's SEPA mandate, card, or a transfer to
 * the seller), and the mandate reference every SEPA payment method now carries; existing SEPA
 * methods get theirs here. Invoices issued before stay without (they read as paid by transfer).
 */
export class Migration20261203170000_invoice_payment extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "payment_method" add column "mandate_reference" text null;`);
    this.addSql(`update "payment_method" set "mandate_reference" = 'PH' || upper(replace("id"::text, '-', '')) where "type" = 'sepa';`);
    this.addSql(`alter table "invoice" add column "payment" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "invoice" drop column "payment";`);
    this.addSql(`alter table "payment_method" drop column "mandate_reference";`);
  }

}
