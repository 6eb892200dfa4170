import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { User } from '../../accounts/user.entity';
import { BaseEntity } from '../../database/base.entity';

/** One of a user's single-use 2FA recovery codes; only its SHA-256 is stored. */
@Entity({ tableName: 'mfa_recovery_code' })
export class RecoveryCode extends BaseEntity<'usedAt'> {
  @ManyToOne(() => User, { deleteRule: 'cascade', index: true })
  user!: User;

  @Property({ type: 'text', unique: true, hidden: true })
  codeHash!: string;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date;
}
