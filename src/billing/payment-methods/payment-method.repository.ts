import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../../common/organization-id';
import { CreationOrderedRow } from '../../database/creation-order';
import { pageInCreationOrder } from '../../database/creation-order-page';
import { CardBrand } from './card';
import { PaymentMethodType } from './payment-method.entity';
import { preparedQuery } from '../../database/raw-query';

export interface PaymentMethodRow extends CreationOrderedRow {
  type: PaymentMethodType;
  label: string;
  last4: string;
  brand: CardBrand | null;
  expiry_month: number | null;
  expiry_year: number | null;
  account_holder: string | null;
  mandate_reference: string | null;
}

@Injectable()
export class PaymentMethodRepository {
  constructor(private readonly em: EntityManager) {}

  /** Up to limit+1 of the organization's payment methods in creation order (for `toPage`). */
  page(organizationId: OrganizationId, limit: number, cursor?: string): Promise<PaymentMethodRow[]> {
    return pageInCreationOrder<PaymentMethodRow>(this.em, {
      table: 'payment_method',
      columns: ['id', 'type', 'label', 'last4', 'brand', 'expiry_month', 'expiry_year', 'account_holder', 'mandate_reference'],
      organizationId,
      limit,
      cursor,
    });
  }

  /**
   * The method that pays each billing owner's invoices: its newest (adding a method makes it the one
   * that pays from then on). Billing owners without a method are missing from the map.
   */
  async payingMethods(billingOwnerIds: readonly string[]): Promise<Map<string, PayingMethodRow>> {
    if (billingOwnerIds.length === 0) return new Map();
    const rows = await preparedQuery<PayingMethodRow & { organization_id: string }>(
      this.em,
      `select distinct on (organization_id) organization_id, type, label, last4, brand, mandate_reference
         from payment_method where organization_id = any(cast(:ids as uuid[]))
        order by organization_id, created_at desc, id desc`,
      { ids: [...new Set(billingOwnerIds)] },
    );
    return new Map(rows.map(({ organization_id, ...row }) => [organization_id, row]));
  }
}

export type PayingMethodRow = Pick<PaymentMethodRow, 'type' | 'label' | 'last4' | 'brand' | 'mandate_reference'>;
