import { Migration } from '@mikro-orm/migrations';

/** A failed mail delivery records the staff report that told about it, so each is reported once. */
export class Migration20261203120000_delivery_failure_reports extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "mail_delivery" add column "failure_report_id" uuid null;`);
    this.addSql(`create index "mail_delivery_unreported_failure_index" on "mail_delivery" ("created_at") where "status" = 'failed' and "failure_report_id" is null;`);
    this.addSql(`create index "mail_delivery_failure_report_index" on "mail_delivery" ("failure_report_id") where "failure_report_id" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "mail_delivery_failure_report_index";`);
    this.addSql(`drop index "mail_delivery_unreported_failure_index";`);
    this.addSql(`alter table "mail_delivery" drop column "failure_report_id";`);
  }

}
