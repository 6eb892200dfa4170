import { Entity, Enum, Index, ManyToOne, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../database/base.entity';
import { Organization } from '../tenancy/organization.entity';
import { User } from './user.entity';
import { MembershipRole } from '../authz/roles';

@Entity({ tableName: 'membership' })
@Unique({ properties: ['organization', 'user'] })
@Index({ properties: ['user'] })
export class Membership extends BaseEntity {
  @ManyToOne(() => Organization, { deleteRule: 'cascade' })
  organization!: Organization;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Enum({ items: () => MembershipRole, nativeEnumName: 'membership_role' })
  role!: MembershipRole;
}
