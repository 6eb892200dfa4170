import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../../common/organization-id';
import { CreationOrderedRow } from '../../database/creation-order';
import { pageInCreationOrder } from '../../database/creation-order-page';
import { CardBrand } from './card';
import { PaymentMethodType } from './payment-method.entity';

export interface PaymentMethodRow extends CreationOrderedRow {
  type: PaymentMethodType;
  label: string;
  last4: string;
  brand: CardBrand | null;
  expiry_month: number | null;
  expiry_year: number | null;
  account_holder: string | null;
}

@Injectable()
export class PaymentMethodRepository {
  constructor(private readonly em: EntityManager) {}

  /** Up to limit+1 of the organization's payment methods in creation order (for `toPage`). */
  page(organizationId: OrganizationId, limit: number, cursor?: string): Promise<PaymentMethodRow[]> {
    return pageInCreationOrder<PaymentMethodRow>(this.em, {
      table: 'payment_method',
      columns: ['id', 'type', 'label', 'last4', 'brand', 'expiry_month', 'expiry_year', 'account_holder'],
      organizationId,
      limit,
      cursor,
    });
  }
}
