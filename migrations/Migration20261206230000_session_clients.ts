import { Migration } from '@mikro-orm/migrations';

/** Where each refresh token was minted from, so users can recognise (and end) their sessions. */
export class Migration20261206230000_session_clients extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "refresh_token" add column "client_ip" text null, add column "user_agent" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "refresh_token" drop column "client_ip", drop column "user_agent";`);
  }

}
