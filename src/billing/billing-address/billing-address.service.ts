import { parseVatId } from '../../common/vat-id';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../../common/organization-id';
import { notFound } from '../../common/domain-error';
import { BillingAddressRepository, BillingProfile } from './billing-address.repository';
import { BillingAddress } from './billing-address.entity';
import { BillingAddressDto, UpdateBillingAddressDto } from './dto/billing-address.dto';
import {
  InvoiceRecipient,
  defaultBillingAddressChoice,
  resolveInvoiceRecipient,
} from './invoice-recipient';
import { managedByPartner } from '../billing.errors';
import { Actor } from '../../audit/actor';
import { AuditService } from '../../audit/audit.service';
import { inTransaction } from '../../database/transaction';

@Injectable()
export class BillingAddressService {
  constructor(
    private readonly em: EntityManager,
    private readonly profiles: BillingAddressRepository,
    private readonly audit: AuditService,
  ) {}

  /** A linked customer organization shows its partner as the invoice recipient, with both switches on. */
  async get(organizationId: OrganizationId): Promise<BillingAddressDto> {
    const profile = await this.load(organizationId);
    if (profile.partnerId) {
      const recipient = await this.invoiceRecipient(profile.partnerId);
      return { differentBillingAddress: true, useAsInvoiceRecipient: true, recipient, managedByPartner: true };
    }
    return { ...(profile.saved ?? defaultBillingAddressChoice(profile.owner)), managedByPartner: false };
  }

  async update(organizationId: OrganizationId, dto: UpdateBillingAddressDto, actor: Actor): Promise<BillingAddressDto> {
    const { partnerId } = await this.load(organizationId);
    if (partnerId) throw managedByPartner('Invoices of a linked customer organization are addressed to its partner.', partnerId);
    const recipient: InvoiceRecipient = {
      name: dto.recipient.name.trim(),
      street: dto.recipient.street.trim(),
      postalCode: dto.recipient.postalCode.trim(),
      city: dto.recipient.city.trim(),
      country: dto.recipient.country.toUpperCase(),
      email: dto.recipient.email.trim(),
      vatId: dto.recipient.vatId ? parseVatId(dto.recipient.vatId) : null,
    };
    await inTransaction(this.em, async (em) => {
      await em.upsert(BillingAddress, {
        organization: organizationId,
        differentBillingAddress: dto.differentBillingAddress,
        useAsInvoiceRecipient: dto.useAsInvoiceRecipient,
        ...recipient,
        updatedAt: new Date(),
      });
      await this.audit.record({ organizationId, actor, action: 'billing-address.update', target: { type: 'organization', id: organizationId } });
    });
    return { differentBillingAddress: dto.differentBillingAddress, useAsInvoiceRecipient: dto.useAsInvoiceRecipient, recipient, managedByPartner: false };
  }

  /**
   * Whom invoices of this organization's billing are addressed to. Given a
   * linked customer organization, that is its partner (the billing owner).
   */
  async invoiceRecipient(billingOwnerOrganizationId: OrganizationId): Promise<InvoiceRecipient> {
    const profile = await this.load(billingOwnerOrganizationId);
    if (profile.partnerId) return this.invoiceRecipient(profile.partnerId);
    return resolveInvoiceRecipient(profile.owner, profile.saved);
  }

  /** Part of deleting an organization. */
  async removeAll(organizationId: OrganizationId): Promise<void> {
    await this.em.getContext().nativeDelete(BillingAddress, { organization: organizationId });
  }

  private async load(organizationId: OrganizationId): Promise<BillingProfile> {
    const profile = await this.profiles.profile(organizationId);
    if (!profile) throw notFound('Organization');
    return profile;
  }
}
