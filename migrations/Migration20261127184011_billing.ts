import { Migration } from '@mikro-orm/migrations';

export class Migration20261127184011_billing extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "billing_interval" as enum ('month', 'year');`);
    this.addSql(`create type "subscription_status" as enum ('active', 'cancelled', 'expired');`);
    this.addSql(`create table "addon" ("code" text not null, "name" text not null, "licenses" int not null, "list_price_cents" int not null, "interval" "billing_interval" not null, "active" boolean not null default true, constraint "addon_pkey" primary key ("code"));`);

    this.addSql(`create table "idempotency_key" ("id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid not null, "key" text not null, "operation" text not null, "request_hash" text not null, "response_status" int null, "response_body" jsonb null, constraint "idempotency_key_pkey" primary key ("id"));`);
    this.addSql(`create index "idempotency_key_created_at_index" on "idempotency_key" ("created_at");`);
    this.addSql(`alter table "idempotency_key" add constraint "idempotency_key_organization_id_key_unique" unique ("organization_id", "key");`);

    this.addSql(`create table "invoice_number_counter" ("year" int not null, "last" int not null, constraint "invoice_number_counter_pkey" primary key ("year"));`);

    this.addSql(`create table "invoice" ("id" uuid not null, "created_at" timestamptz not null default now(), "number" text not null, "organization_id" uuid not null, "billing_owner_id" uuid not null, "subscription_id" uuid null, "recipient" jsonb not null, "issued_at" timestamptz not null, "period_start" timestamptz not null, "period_end" timestamptz not null, "net_cents" int not null, "vat_rate_percent" numeric(5,2) not null, "tax_cents" int not null, "gross_cents" int not null, "currency" text not null, constraint "invoice_pkey" primary key ("id"));`);
    this.addSql(`create index "invoice_billing_owner_id_issued_at_id_index" on "invoice" ("billing_owner_id", "issued_at", "id");`);
    this.addSql(`create index "invoice_organization_id_issued_at_id_index" on "invoice" ("organization_id", "issued_at", "id");`);
    this.addSql(`alter table "invoice" add constraint "invoice_number_unique" unique ("number");`);

    this.addSql(`create table "invoice_line" ("id" uuid not null, "created_at" timestamptz not null default now(), "invoice_id" uuid not null, "position" int not null, "code" text not null, "description" text not null, "quantity" int not null, "unit_price_cents" int not null, "total_cents" int not null, constraint "invoice_line_pkey" primary key ("id"));`);
    this.addSql(`alter table "invoice_line" add constraint "invoice_line_invoice_id_position_unique" unique ("invoice_id", "position");`);

    this.addSql(`create table "partner_agreement" ("id" uuid not null, "created_at" timestamptz not null default now(), "partner_id" uuid not null, "discount_percent" numeric(5,2) not null, "price_overrides" jsonb not null default '{}', constraint "partner_agreement_pkey" primary key ("id"));`);
    this.addSql(`alter table "partner_agreement" add constraint "partner_agreement_partner_id_unique" unique ("partner_id");`);

    this.addSql(`create table "plan" ("code" text not null, "name" text not null, "licenses" int not null, "list_price_cents" int not null, "interval" "billing_interval" not null, "active" boolean not null default true, constraint "plan_pkey" primary key ("code"));`);

    this.addSql(`create table "subscription" ("id" uuid not null, "created_at" timestamptz not null default now(), "organization_id" uuid not null, "billing_owner_id" uuid not null, "plan_code" text not null, "status" "subscription_status" not null, "current_period_start" timestamptz not null, "current_period_end" timestamptz not null, "cancel_at_period_end" boolean not null default false, constraint "subscription_pkey" primary key ("id"));`);
    this.addSql(`create unique index "subscription_one_active_per_organization" on "subscription" ("organization_id") where "status" = 'active';`);

    this.addSql(`create table "subscription_addon" ("id" uuid not null, "created_at" timestamptz not null default now(), "subscription_id" uuid not null, "addon_code" text not null, "removed_at" timestamptz null, constraint "subscription_addon_pkey" primary key ("id"));`);
    this.addSql(`create index "subscription_addon_subscription_id_index" on "subscription_addon" ("subscription_id");`);

    this.addSql(`alter table "invoice" add constraint "invoice_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "invoice" add constraint "invoice_billing_owner_id_foreign" foreign key ("billing_owner_id") references "organization" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "invoice_line" add constraint "invoice_line_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "partner_agreement" add constraint "partner_agreement_partner_id_foreign" foreign key ("partner_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "subscription" add constraint "subscription_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "subscription" add constraint "subscription_billing_owner_id_foreign" foreign key ("billing_owner_id") references "organization" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "subscription_addon" add constraint "subscription_addon_subscription_id_foreign" foreign key ("subscription_id") references "subscription" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "subscription" add constraint "subscription_plan_code_foreign" foreign key ("plan_code") references "plan" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "subscription_addon" add constraint "subscription_addon_addon_code_foreign" foreign key ("addon_code") references "addon" ("code") on update cascade on delete restrict;`);

    // Issued invoices never change: no UPDATE, DELETE or TRUNCATE path exists, not even for staff.
    this.addSql(`create function refuse_invoice_change() returns trigger language plpgsql as $$
      begin
        raise exception 'invoices are immutable once issued (% on %)', tg_op, tg_table_name using errcode = 'P0001';
      end $$;`);
    for (const table of ['invoice', 'invoice_line']) {
      this.addSql(`create trigger "${table}_immutable" before update or delete on "${table}" for each row execute function refuse_invoice_change();`);
      this.addSql(`create trigger "${table}_no_truncate" before truncate on "${table}" for each statement execute function refuse_invoice_change();`);
    }

    // The catalog; staff edit it from here on.
    this.addSql(`insert into "plan" ("code", "name", "licenses", "list_price_cents", "interval") values
      ('starter', 'Starter', 10, 4900, 'month'),
      ('business', 'Business', 50, 19900, 'month'),
      ('enterprise', 'Enterprise', 250, 79900, 'month'),
      ('business-yearly', 'Business (yearly)', 50, 199000, 'year');`);
    this.addSql(`insert into "addon" ("code", "name", "licenses", "list_price_cents", "interval") values
      ('hosts-10', '10 additional hosts', 10, 3900, 'month'),
      ('hosts-50', '50 additional hosts', 50, 14900, 'month'),
      ('pentest', 'Automated penetration testing', 0, 9900, 'month'),
      ('hosts-50-yearly', '50 additional hosts (yearly)', 50, 149000, 'year');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists refuse_invoice_change() cascade;`);
    this.addSql(`alter table "invoice_line" drop constraint "invoice_line_invoice_id_foreign";`);

    this.addSql(`alter table "subscription_addon" drop constraint "subscription_addon_subscription_id_foreign";`);

    this.addSql(`drop table if exists "addon" cascade;`);

    this.addSql(`drop table if exists "idempotency_key" cascade;`);

    this.addSql(`drop table if exists "invoice_number_counter" cascade;`);

    this.addSql(`drop table if exists "invoice" cascade;`);

    this.addSql(`drop table if exists "invoice_line" cascade;`);

    this.addSql(`drop table if exists "partner_agreement" cascade;`);

    this.addSql(`drop table if exists "plan" cascade;`);

    this.addSql(`drop table if exists "subscription" cascade;`);

    this.addSql(`drop table if exists "subscription_addon" cascade;`);

    this.addSql(`drop type "billing_interval";`);
    this.addSql(`drop type "subscription_status";`);
  }

}
