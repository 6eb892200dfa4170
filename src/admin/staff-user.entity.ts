import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../database/base.entity';

/** A platform staff login for the back-office; separate from partner and customer users. */
@Entity({ tableName: 'staff_user' })
export class StaffUser extends BaseEntity<'lastLoginAt'> {
  @Property({ type: 'text' })
  @Unique()
  email!: string;

  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash!: string;

  @Property({ type: 'timestamptz', nullable: true })
  lastLoginAt?: Date;
}
