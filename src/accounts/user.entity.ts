import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../database/base.entity';

export enum UserStatus {
  Invited = 'invited',
  Active = 'active',
}

@Entity({ tableName: 'app_user' })
export class User extends BaseEntity<'status' | 'mustChangePassword' | 'lastLoginAt'> {
  /** Stored lower-cased; unique, so e-mail lookups are case-insensitive. */
  @Property({ type: 'text' })
  @Unique()
  email!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash!: string;

  @Property({ type: 'boolean', default: false })
  mustChangePassword = false;

  @Enum({ items: () => UserStatus, nativeEnumName: 'user_status', default: UserStatus.Invited })
  status: UserStatus = UserStatus.Invited;

  @Property({ type: 'timestamptz', nullable: true })
  lastLoginAt?: Date;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
