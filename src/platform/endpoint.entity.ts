import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../database/base.entity';
import { Organization } from '../tenancy/organization.entity';

@Entity({ tableName: 'endpoint' })
@Index({ properties: ['organization', 'createdAt', 'id'] })
export class Endpoint extends BaseEntity {
  @ManyToOne(() => Organization, { deleteRule: 'cascade' })
  organization!: Organization;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  url!: string;

  @Property({ type: 'integer' })
  intervalSeconds!: number;
}
