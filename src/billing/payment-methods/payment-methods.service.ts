import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../../common/organization-id';
import { Page, toPage } from '../../common/pagination';
import { notFound } from '../../common/domain-error';
import { createdAtIso, creationKey } from '../../database/creation-order';
import { OrganizationRepository } from '../../tenancy/organization.repository';
import { PaymentMethodRepository } from './payment-method.repository';
import { Organization } from '../../tenancy/organization.entity';
import { NewPaymentMethodDto, PaymentMethodDto } from './dto/payment-method.dto';
import { managedByPartner } from '../billing.errors';
import { maskPaymentMethod } from './payment-method-masking';
import { PaymentMethod, PaymentMethodType, sepaMandateReference } from './payment-method.entity';
import { Actor } from '../../audit/actor';
import { AuditService } from '../../audit/audit.service';
import { inTransaction } from '../../database/transaction';

/** Payment methods belong to billing owners: a linked customer organization's are its partner's. */
@Injectable()
export class PaymentMethodsService {
  constructor(
    private readonly em: EntityManager,
    private readonly paymentMethods: PaymentMethodRepository,
    private readonly organizations: OrganizationRepository,
    private readonly audit: AuditService,
  ) {}

  async list(organizationId: OrganizationId, limit: number, cursor?: string): Promise<Page<PaymentMethodDto>> {
    await this.assertBillingOwner(organizationId);
    const rows = await this.paymentMethods.page(organizationId, limit, cursor);
    return toPage(rows, limit, creationKey, (row) => ({
      id: row.id,
      type: row.type,
      label: row.label,
      last4: row.last4,
      brand: row.brand,
      expiryMonth: row.expiry_month,
      expiryYear: row.expiry_year,
      accountHolder: row.account_holder,
      mandateReference: row.mandate_reference,
      createdAt: createdAtIso(row),
    }));
  }

  async add(organizationId: OrganizationId, input: NewPaymentMethodDto, actor: Actor): Promise<PaymentMethodDto> {
    return inTransaction(this.em, async (em) => {
      await this.assertBillingOwner(organizationId);
      const paymentMethod = em.create(PaymentMethod, {
        organization: em.getReference(Organization, organizationId),
        ...maskPaymentMethod(input),
      });
      if (paymentMethod.type === PaymentMethodType.Sepa) paymentMethod.mandateReference = sepaMandateReference(paymentMethod.id);
      await em.persist(paymentMethod).flush();
      await this.audit.record({ organizationId, actor, action: 'payment-method.create', target: { type: 'payment-method', id: paymentMethod.id } });
      return toPaymentMethodDto(paymentMethod);
    });
  }

  async remove(organizationId: OrganizationId, paymentMethodId: string, actor: Actor): Promise<void> {
    await inTransaction(this.em, async (em) => {
      await this.assertBillingOwner(organizationId);
      const deleted = await em.nativeDelete(PaymentMethod, { id: paymentMethodId, organization: organizationId });
      if (deleted === 0) throw notFound('Payment method');
      await this.audit.record({ organizationId, actor, action: 'payment-method.delete', target: { type: 'payment-method', id: paymentMethodId } });
    });
  }

  /** Part of deleting an organization. */
  async removeAll(organizationId: OrganizationId): Promise<void> {
    await this.em.getContext().nativeDelete(PaymentMethod, { organization: organizationId });
  }

  private async assertBillingOwner(organizationId: OrganizationId): Promise<void> {
    const organization = await this.organizations.read(organizationId, { lock: false });
    if (!organization) throw notFound('Organization');
    if (organization.partnerId) {
      throw managedByPartner('Payment for a linked customer organization is its partner’s.', organization.partnerId);
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
    mandateReference: paymentMethod.mandateReference ?? null,
    createdAt: paymentMethod.createdAt.toISOString(),
  };
}
