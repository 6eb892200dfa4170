import { Migration } from '@mikro-orm/migrations';

/** TOTP two-factor authentication: the sealed secret and replay step on the user, hashed recovery codes. */
export class Migration20261206232000_mfa_totp extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "app_user" add column "mfa_secret_ciphertext" text null, add column "mfa_pending_secret_ciphertext" text null, add column "mfa_enabled_at" timestamptz null, add column "mfa_last_step" bigint null;`);
    this.addSql(`create table "mfa_recovery_code" ("id" uuid not null, "created_at" timestamptz not null default now(), "user_id" uuid not null, "code_hash" text not null, "used_at" timestamptz null, constraint "mfa_recovery_code_pkey" primary key ("id"));`);
    this.addSql(`alter table "mfa_recovery_code" add constraint "mfa_recovery_code_code_hash_unique" unique ("code_hash");`);
    this.addSql(`create index "mfa_recovery_code_user_id_index" on "mfa_recovery_code" ("user_id");`);
    this.addSql(`alter table "mfa_recovery_code" add constraint "mfa_recovery_code_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mfa_recovery_code" cascade;`);
    this.addSql(`alter table "app_user" drop column "mfa_secret_ciphertext", drop column "mfa_pending_secret_ciphertext", drop column "mfa_enabled_at", drop column "mfa_last_step";`);
  }

}
