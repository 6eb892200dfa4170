import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../database/base.entity';
import { Organization } from '../tenancy/organization.entity';

@Entity({ tableName: 'host' })
@Index({ properties: ['organization', 'createdAt', 'id'] })
export class Host extends BaseEntity<'os'> {
  @ManyToOne(() => Organization, { deleteRule: 'cascade' })
  organization!: Organization;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  os?: string;
}
