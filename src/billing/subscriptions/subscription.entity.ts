import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../database/base.entity';
import { Organization } from '../../tenancy/organization.entity';
import { Addon, Plan } from '../catalog/catalog.entity';

export enum SubscriptionStatus {
  Active = 'active',
  Cancelled = 'cancelled',
  Expired = 'expired',
}

@Entity({ tableName: 'subscription' })
@Index({
  name: 'subscription_one_active_per_organization',
  expression: `create unique index "subscription_one_active_per_organization" on "subscription" ("organization_id") where "status" = 'active'`,
})
export class Subscription extends BaseEntity<'cancelAtPeriodEnd' | 'addons' | 'endedAt'> {
  @ManyToOne(() => Organization, { deleteRule: 'restrict' })
  organization!: Organization;

  /** Who pays: the partner for a linked customer organization, else the organization itself. */
  @ManyToOne(() => Organization, { deleteRule: 'restrict' })
  billingOwner!: Organization;

  @ManyToOne(() => Plan, { fieldName: 'plan_code', deleteRule: 'restrict' })
  plan!: Plan;

  @Enum({ items: () => SubscriptionStatus, nativeEnumName: 'subscription_status' })
  status!: SubscriptionStatus;

  @Property({ type: 'timestamptz' })
  currentPeriodStart!: Date;

  @Property({ type: 'timestamptz' })
  currentPeriodEnd!: Date;

  @Property({ type: 'boolean', default: false })
  cancelAtPeriodEnd: boolean = false;

  /** When it stopped being active: its period end when cancelled, the deletion when its organization was deleted. */
  @Property({ type: 'timestamptz', nullable: true })
  endedAt?: Date;

  @OneToMany(() => SubscriptionAddon, (addon) => addon.subscription)
  addons = new Collection<SubscriptionAddon>(this);
}

@Entity({ tableName: 'subscription_addon' })
@Index({ properties: ['subscription'] })
export class SubscriptionAddon extends BaseEntity<'removedAt'> {
  @ManyToOne(() => Subscription, { deleteRule: 'cascade' })
  subscription!: Subscription;

  @ManyToOne(() => Addon, { fieldName: 'addon_code', deleteRule: 'restrict' })
  addon!: Addon;

  @Property({ type: 'timestamptz', nullable: true })
  removedAt?: Date;
}
