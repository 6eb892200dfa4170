import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../database/base.entity';
import { User } from '../accounts/user.entity';

/**
 * One refresh token; tokens minted from one login share a familyId.
 * Only a SHA-256 of the secret part is stored.
 */
@Entity({ tableName: 'refresh_token' })
@Index({ properties: ['familyId'] })
@Index({ properties: ['user'] })
export class RefreshToken extends BaseEntity<'usedAt' | 'revokedAt' | 'clientIp' | 'userAgent'> {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'uuid' })
  familyId!: string;

  @Property({ type: 'text' })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date;

  /** Where the login or refresh that minted it came from, for the user's list of sessions. */
  @Property({ type: 'text', nullable: true })
  clientIp?: string;

  @Property({ type: 'text', nullable: true })
  userAgent?: string;
}
