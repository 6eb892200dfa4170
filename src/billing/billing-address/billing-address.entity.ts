import { Entity, OneToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Organization } from '../../tenancy/organization.entity';

/**
 * The billing owner's choices under Settings → Organization → Billing address.
 * One row per organization, absent until its admins first save the form.
 */
@Entity({ tableName: 'billing_address' })
export class BillingAddress {
  [PrimaryKeyProp]?: 'organization';

  @OneToOne(() => Organization, { primary: true, deleteRule: 'cascade' })
  organization!: Organization;

  @Property({ type: 'boolean' })
  differentBillingAddress!: boolean;

  @Property({ type: 'boolean' })
  useAsInvoiceRecipient!: boolean;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  street!: string;

  @Property({ type: 'text' })
  postalCode!: string;

  @Property({ type: 'text' })
  city!: string;

  /** ISO 3166-1 alpha-2 */
  @Property({ type: 'text' })
  country!: string;

  @Property({ type: 'text' })
  email!: string;

  /** The recipient's VAT ID, stored as `parseVatId` returns it; the organization's own when unset. */
  @Property({ type: 'text', nullable: true })
  vatId?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
