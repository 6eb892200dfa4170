import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../database/base.entity';
import { Organization } from '../../tenancy/organization.entity';
import type { CardBrand } from './card';

export enum PaymentMethodType {
  Sepa = 'sepa',
  Card = 'card',
}

/**
 * A billing owner's means of payment, kept masked: never a full IBAN or card
 * number, only what lets its admins recognise it.
 */
@Entity({ tableName: 'payment_method' })
@Index({ properties: ['organization', 'createdAt', 'id'] })
export class PaymentMethod extends BaseEntity<'brand' | 'expiryMonth' | 'expiryYear' | 'accountHolder' | 'mandateReference'> {
  @ManyToOne(() => Organization, { deleteRule: 'cascade' })
  organization!: Organization;

  @Enum({ items: () => PaymentMethodType, nativeEnumName: 'payment_method_type' })
  type!: PaymentMethodType;

  /** `DE89 •••• •••• •••• •••• 3000` or `Visa •••• 4242` */
  @Property({ type: 'text' })
  label!: string;

  @Property({ type: 'text' })
  last4!: string;

  @Property({ type: 'text', nullable: true })
  brand?: CardBrand;

  @Property({ type: 'smallint', nullable: true })
  expiryMonth?: number;

  @Property({ type: 'smallint', nullable: true })
  expiryYear?: number;

  @Property({ type: 'text', nullable: true })
  accountHolder?: string;

  /** A SEPA method's mandate reference (Mandatsreferenz), printed on every invoice it pays. */
  @Property({ type: 'text', nullable: true })
  mandateReference?: string;
}

/** A SEPA mandate's reference: unique per creditor, at most 35 characters of the SEPA set; the migration gave existing methods the same. */
export const sepaMandateReference = (paymentMethodId: string) => `PH${paymentMethodId.replaceAll('-', '').toUpperCase()}`;
