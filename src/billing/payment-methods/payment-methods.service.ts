import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Page, toPage } from '../../common/pagination';
import { notFound } from '../../common/problem';
import { rawQuery } from '../../database/raw-query';
import { CreationOrderedRow, createdAtIso, creationKey, pageInCreationOrder } from '../../database/creation-order';
import { Organization } from '../../tenancy/organization.entity';
import { CardBrand } from './card';
import { NewPaymentMethodDto, PaymentMethodDto } from './dto/payment-method.dto';
import { managedByPartner } from '../billing.errors';
import { maskPaymentMethod } from './payment-method-masking';
import { PaymentMethod, PaymentMethodType } from './payment-method.entity';
import { Actor } from '../../audit/actor';
import { AuditService } from '../../audit/audit.service';
import { inTransaction } from '../../database/transaction';

interface PaymentMethodRow extends CreationOrderedRow {
  type: PaymentMethodType;
  label: string;
  last4: string;
  brand: CardBrand | null;
  expiry_month: number | null;
  expiry_year: number | null;
  account_holder: string | null;
}

/** Payment methods belong to billing owners: a linked customer organization's are its partner's. */
@Injectable()
export class PaymentMethodsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async list(organizationId: string, limit: number, cursor?: string): Promise<Page<PaymentMethodDto>> {
    await this.assertBillingOwner(organizationId);
    const rows = await pageInCreationOrder<PaymentMethodRow>(this.em, {
      table: 'payment_method',
      columns: ['id', 'type', 'label', 'last4', 'brand', 'expiry_month', 'expiry_year', 'account_holder'],
      organizationId,
      limit,
      cursor,
    });
    return toPage(rows, limit, creationKey, (row) => ({
      id: row.id,
      type: row.type,
      label: row.label,
      last4: row.last4,
      brand: row.brand,
      expiryMonth: row.expiry_month,
      expiryYear: row.expiry_year,
      accountHolder: row.account_holder,
      createdAt: createdAtIso(row),
    }));
  }

  async add(organizationId: string, input: NewPaymentMethodDto, actor: Actor): Promise<PaymentMethodDto> {
    return inTransaction(this.em, async (em) => {
      await this.assertBillingOwner(organizationId);
      const paymentMethod = em.create(PaymentMethod, {
        organization: em.getReference(Organization, organizationId),
        ...maskPaymentMethod(input),
      });
      await em.persist(paymentMethod).flush();
      await this.audit.record({ organizationId, actor, action: 'payment-method.create', target: { type: 'payment-method', id: paymentMethod.id } });
      return toPaymentMethodDto(paymentMethod);
    });
  }

  async remove(organizationId: string, paymentMethodId: string, actor: Actor): Promise<void> {
    await inTransaction(this.em, async (em) => {
      await this.assertBillingOwner(organizationId);
      const deleted = await em.nativeDelete(PaymentMethod, { id: paymentMethodId, organization: organizationId });
      if (deleted === 0) throw notFound('Payment method');
      await this.audit.record({ organizationId, actor, action: 'payment-method.delete', target: { type: 'payment-method', id: paymentMethodId } });
    });
  }

  /** Part of deleting an organization. */
  async removeAll(organizationId: string): Promise<void> {
    await this.em.getContext().nativeDelete(PaymentMethod, { organization: organizationId });
  }

  private async assertBillingOwner(organizationId: string): Promise<void> {
    const [organization] = await rawQuery<{ partner_id: string | null }>(
      this.em,
      'select partner_id from organization where id = :organizationId and deleted_at is null',
      { organizationId },
    );
    if (!organization) throw notFound('Organization');
    if (organization.partner_id) {
      throw managedByPartner('Payment for a linked customer organization is its partner’s.', organization.partner_id);
    }
  }
}

function toPaymentMethodDto(paymentMethod: PaymentMethod): PaymentMethodDto {
  return {
    id: paymentMethod.id,
    type: paymentMethod.type,
    label: paymentMethod.label,
    last4: paymentMethod.last4,
    brand: paymentMethod.brand ?? null,
    expiryMonth: paymentMethod.expiryMonth ?? null,
    expiryYear: paymentMethod.expiryYear ?? null,
    accountHolder: paymentMethod.accountHolder ?? null,
    createdAt: paymentMethod.createdAt.toISOString(),
  };
}
