import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { notFound } from '../../common/problem';
import { rawQuery } from '../../database/raw-query';
import { BillingAddress } from './billing-address.entity';
import { BillingAddressDto, UpdateBillingAddressDto } from './dto/billing-address.dto';
import {
  BillingAddressChoice,
  BillingOwnerDetails,
  InvoiceRecipient,
  defaultBillingAddressChoice,
  resolveInvoiceRecipient,
} from './invoice-recipient';
import { managedByPartner } from '../billing.errors';
import { Actor } from '../../audit/actor';
import { AuditService } from '../../audit/audit.service';
import { inTransaction } from '../../database/transaction';

interface BillingProfileRow {
  name: string;
  partner_id: string | null;
  address_street: string;
  address_postal_code: string;
  address_city: string;
  address_country: string;
  first_admin_email: string | null;
  different_billing_address: boolean | null;
  use_as_invoice_recipient: boolean | null;
  billing_name: string;
  billing_street: string;
  billing_postal_code: string;
  billing_city: string;
  billing_country: string;
  billing_email: string;
}

interface BillingProfile {
  partnerId: string | null;
  owner: BillingOwnerDetails;
  saved: BillingAddressChoice | null;
}

@Injectable()
export class BillingAddressService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  /** A linked customer organization shows its partner as the invoice recipient, with both switches on. */
  async get(organizationId: string): Promise<BillingAddressDto> {
    const profile = await this.load(organizationId);
    if (profile.partnerId) {
      const recipient = await this.invoiceRecipient(profile.partnerId);
      return { differentBillingAddress: true, useAsInvoiceRecipient: true, recipient, managedByPartner: true };
    }
    return { ...(profile.saved ?? defaultBillingAddressChoice(profile.owner)), managedByPartner: false };
  }

  async update(organizationId: string, dto: UpdateBillingAddressDto, actor: Actor): Promise<BillingAddressDto> {
    const { partnerId } = await this.load(organizationId);
    if (partnerId) throw managedByPartner('Invoices of a linked customer organization are addressed to its partner.', partnerId);
    const recipient: InvoiceRecipient = {
      name: dto.recipient.name.trim(),
      street: dto.recipient.street.trim(),
      postalCode: dto.recipient.postalCode.trim(),
      city: dto.recipient.city.trim(),
      country: dto.recipient.country.toUpperCase(),
      email: dto.recipient.email.trim(),
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
  async invoiceRecipient(billingOwnerOrganizationId: string): Promise<InvoiceRecipient> {
    const profile = await this.load(billingOwnerOrganizationId);
    if (profile.partnerId) return this.invoiceRecipient(profile.partnerId);
    return resolveInvoiceRecipient(profile.owner, profile.saved);
  }

  /** Part of deleting an organization. */
  async removeAll(organizationId: string): Promise<void> {
    await this.em.getContext().nativeDelete(BillingAddress, { organization: organizationId });
  }

  private async load(organizationId: string): Promise<BillingProfile> {
    const [row] = await rawQuery<BillingProfileRow>(
      this.em,
      `select o.name, o.partner_id, o.address_street, o.address_postal_code, o.address_city, o.address_country,
              (select u.email
                 from membership m join app_user u on u.id = m.user_id
                where m.organization_id = o.id and m.role = 'admin'
                order by m.created_at, m.id
                limit 1) as first_admin_email,
              b.different_billing_address, b.use_as_invoice_recipient, b.name as billing_name, b.street as billing_street,
              b.postal_code as billing_postal_code, b.city as billing_city, b.country as billing_country, b.email as billing_email
         from organization o
         left join billing_address b on b.organization_id = o.id
        where o.id = :organizationId and o.deleted_at is null`,
      { organizationId },
    );
    if (!row) throw notFound('Organization');
    return {
      partnerId: row.partner_id,
      owner: {
        name: row.name,
        address: { street: row.address_street, postalCode: row.address_postal_code, city: row.address_city, country: row.address_country },
        firstAdminEmail: row.first_admin_email,
      },
      saved: row.different_billing_address === null ? null : toChoice(row),
    };
  }
}

function toChoice(row: BillingProfileRow): BillingAddressChoice {
  return {
    differentBillingAddress: row.different_billing_address === true,
    useAsInvoiceRecipient: row.use_as_invoice_recipient === true,
    recipient: {
      name: row.billing_name,
      street: row.billing_street,
      postalCode: row.billing_postal_code,
      city: row.billing_city,
      country: row.billing_country,
      email: row.billing_email,
    },
  };
}
