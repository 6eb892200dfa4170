import { Migration } from '@mikro-orm/migrations';

export class Migration20261127190000_billing_profile extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "payment_method_type" as enum ('sepa', 'card');`);
    this.addSql(`create table "billing_address" ("organization_id" uuid not null, "different_billing_address" boolean not null, "use_as_invoice_recipient" boolean not null, "name" text not null, "street" text not null, "postal_code" text not null, "city" text not null, "country" text not null, "email" text not null, "updated_at" timestamptz not null default now(), constraint "billing_address_pkey" primary key ("organization_id"));`);

    this.addSql(`create table "payment_method" ("id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid not null, "type" "payment_method_type" not null, "label" text not null, "last4" text not null, "brand" text null, "expiry_month" smallint null, "expiry_year" smallint null, "account_holder" text null, constraint "payment_method_pkey" primary key ("id"));`);
    this.addSql(`create index "payment_method_organization_id_created_at_id_index" on "payment_method" ("organization_id", "created_at", "id");`);

    this.addSql(`alter table "billing_address" add constraint "billing_address_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "payment_method" add constraint "payment_method_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
  }

}
