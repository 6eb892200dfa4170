import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';

export enum BillingInterval {
  Month = 'month',
  Year = 'year',
}

/** Shared shape of plans and addons: seeded by a migration, edited by staff. */
abstract class CatalogItem {
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'integer' })
  licenses!: number;

  @Property({ type: 'integer' })
  listPriceCents!: number;

  @Enum({ items: () => BillingInterval, nativeEnumName: 'billing_interval' })
  interval!: BillingInterval;

  @Property({ type: 'boolean', default: true })
  active: boolean = true;
}

@Entity({ tableName: 'plan' })
export class Plan extends CatalogItem {}

@Entity({ tableName: 'addon' })
export class Addon extends CatalogItem {}
