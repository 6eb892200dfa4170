import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { User } from '../../accounts/user.entity';
import { BaseEntity } from '../../database/base.entity';

/** A mailed password reset: only the SHA-256 of its token is stored; it works once, until expiresAt. */
@Entity({ tableName: 'password_reset_token' })
export class PasswordResetToken extends BaseEntity<'usedAt'> {
  @ManyToOne(() => User, { deleteRule: 'cascade', index: true })
  user!: User;

  @Property({ type: 'text', unique: true, hidden: true })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date;
}
