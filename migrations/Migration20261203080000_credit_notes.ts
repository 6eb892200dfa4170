import { Migration } from '@mikro-orm/migrations';

/**
 * Credit notes (Rechnungskorrektur) are invoices of their own type that correct an earlier one;
 * invoice lines may carry their own period; a subscription records when it ended.
 */
export class Migration20261203080000_credit_notes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "invoice_type" as enum ('invoice', 'credit_note');`);
    this.addSql(`alter table "invoice" add column "type" "invoice_type" not null default 'invoice', add column "corrects_invoice_id" uuid null;`);
    this.addSql(`alter table "invoice" add constraint "invoice_credit_note_corrects_check" check (("type" = 'credit_note') = ("corrects_invoice_id" is not null));`);
    this.addSql(`alter table "invoice" add constraint "invoice_corrects_invoice_id_foreign" foreign key ("corrects_invoice_id") references "invoice" ("id") on update cascade on delete restrict;`);
    this.addSql(`create index "invoice_corrects_invoice_id_index" on "invoice" ("corrects_invoice_id");`);
    // A credit note for a subscription's period does not count as that period's invoice.
    this.addSql(`drop index "invoice_subscription_id_period_start_unique";`);
    this.addSql(`create unique index "invoice_subscription_id_period_start_unique" on "invoice" ("subscription_id", "period_start") where "subscription_id" is not null and "type" = 'invoice';`);

    this.addSql(`alter table "invoice_line" add column "period_start" timestamptz null, add column "period_end" timestamptz null;`);

    this.addSql(`alter table "subscription" add column "ended_at" timestamptz null;`);
    this.addSql(`update "subscription" set "ended_at" = "current_period_end" where "status" <> 'active';`);
    // Organizations deleted while deletion did not end billing: their subscriptions end at the deletion.
    this.addSql(`update "subscription" s set "status" = 'cancelled', "ended_at" = o."deleted_at" from "organization" o where o."id" = s."organization_id" and o."deleted_at" is not null and s."status" = 'active';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "subscription" drop column "ended_at";`);
    this.addSql(`alter table "invoice_line" drop column "period_start", drop column "period_end";`);
    this.addSql(`drop index "invoice_subscription_id_period_start_unique";`);
    this.addSql(`create unique index "invoice_subscription_id_period_start_unique" on "invoice" ("subscription_id", "period_start") where "subscription_id" is not null;`);
    this.addSql(`alter table "invoice" drop constraint "invoice_corrects_invoice_id_foreign", drop constraint "invoice_credit_note_corrects_check";`);
    this.addSql(`alter table "invoice" drop column "corrects_invoice_id", drop column "type";`);
    this.addSql(`drop type "invoice_type";`);
  }

}
