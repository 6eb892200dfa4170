import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../database/base.entity';

export enum UserStatus {
  Invited = 'invited',
  Active = 'active',
}

@Entity({ tableName: 'app_user' })
export class User extends BaseEntity<'status' | 'mustChangePassword' | 'lastLoginAt' | 'mfaSecretCiphertext' | 'mfaPendingSecretCiphertext' | 'mfaEnabledAt' | 'mfaLastStep'> {
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

  /** The TOTP secret (SecretBox-sealed) once 2FA is on; the login then asks for a code. */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: true })
  mfaSecretCiphertext?: string | null;

  /** A secret being enrolled, until a code of it confirms it. */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: true })
  mfaPendingSecretCiphertext?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  mfaEnabledAt?: Date | null;

  /** The time step of the last code accepted: codes of it and before are refused (no replay). */
  @Property({ type: 'bigint', nullable: true, hidden: true, runtimeType: 'number' })
  mfaLastStep?: number | null;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
