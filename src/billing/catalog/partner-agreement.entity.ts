import { Entity, OneToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../database/base.entity';
import { Organization } from '../../tenancy/organization.entity';

/** A partner's negotiated conditions; shown only to the partner's admins and staff. */
@Entity({ tableName: 'partner_agreement' })
export class PartnerAgreement extends BaseEntity<'priceOverrides'> {
  @OneToOne(() => Organization, { owner: true, unique: true, deleteRule: 'cascade' })
  partner!: Organization;

  @Property({ type: 'decimal', precision: 5, scale: 2, runtimeType: 'number' })
  discountPercent!: number;

  /** Catalog code → net price in cents, replacing the discounted list price. */
  @Property({ type: 'jsonb', default: '{}' })
  priceOverrides: Record<string, number> = {};
}
