import { Migration } from '@mikro-orm/migrations';

/** Mailed password resets: the hash of each single-use token and when it expires. */
export class Migration20261206231000_password_reset extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "password_reset_token" ("id" uuid not null, "created_at" timestamptz not null default now(), "user_id" uuid not null, "token_hash" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "password_reset_token_pkey" primary key ("id"));`);
    this.addSql(`alter table "password_reset_token" add constraint "password_reset_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "password_reset_token_user_id_index" on "password_reset_token" ("user_id");`);
    this.addSql(`alter table "password_reset_token" add constraint "password_reset_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "password_reset_token" cascade;`);
  }

}
