import { Migration } from '@mikro-orm/migrations';

export class Migration20261127192000_billing_run extends Migration {

  override async up(): Promise<void> {
    // One invoice per subscription and period (the billing run's last line of defence against double issue).
    this.addSql(`create unique index "invoice_subscription_id_period_start_unique" on "invoice" ("subscription_id", "period_start") where "subscription_id" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "invoice_subscription_id_period_start_unique";`);
  }

}
