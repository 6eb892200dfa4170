import { Embeddable, Embedded, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { DEFAULT_LOCALE, LOCALES, Locale } from '../../libs/i18n';
import { BaseEntity } from '../database/base.entity';
import { OrganizationKind } from '../authz/roles';
import { OrganizationId } from '../common/organization-id';

@Embeddable()
export class Address {
  @Property({ type: 'text' })
  street!: string;

  @Property({ type: 'text' })
  postalCode!: string;

  @Property({ type: 'text' })
  city!: string;

  /** ISO 3166-1 alpha-2 */
  @Property({ type: 'text' })
  country!: string;
}

@Entity({ tableName: 'organization' })
@Index({ name: 'organization_partner_name_idx', expression: 'create index "organization_partner_name_idx" on "organization" ("partner_id", "name", "id") where "deleted_at" is null' })
export class Organization extends BaseEntity<'updatedAt' | 'deletedAt' | 'partner' | 'vatId' | 'locale' | 'requireMfa'> {
  declare id: OrganizationId;

  @Property({ type: 'text' })
  name!: string;

  @Embedded(() => Address, { prefix: 'address_' })
  address!: Address;

  /** USt-IdNr. of a billing owner, printed on its invoices; stored as `parseVatId` returns it. */
  @Property({ type: 'text', nullable: true })
  vatId?: string;

  @Enum({ items: () => OrganizationKind, nativeEnumName: 'organization_kind' })
  kind!: OrganizationKind;

  /** The language of its mails and documents; a partner's new customers start with the partner's. */
  @Enum({ items: () => [...LOCALES], nativeEnumName: 'organization_locale', default: DEFAULT_LOCALE })
  locale: Locale = DEFAULT_LOCALE;

  /** Members must have 2FA on to use it; a partner's setting applies to its linked customer organizations too. */
  @Property({ type: 'boolean', default: false })
  requireMfa: boolean = false;

  @ManyToOne(() => Organization, { nullable: true, deleteRule: 'restrict' })
  partner?: Organization;

  @Property({ type: 'timestamptz' })
  trialEndsAt!: Date;

  @Property({ type: 'integer' })
  trialLicenses!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  deletedAt?: Date;
}
