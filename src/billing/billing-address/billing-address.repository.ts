import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../../common/organization-id';
import { rawQuery } from '../../database/raw-query';
import { BillingAddressChoice, BillingOwnerDetails } from './invoice-recipient';

interface BillingProfileRow {
  name: string;
  partner_id: OrganizationId | null;
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
  billing_vat_id: string | null;
  vat_id: string | null;
}

export interface BillingProfile {
  partnerId: OrganizationId | null;
  owner: BillingOwnerDetails;
  saved: BillingAddressChoice | null;
}

/** An organization's own details and saved billing-address choice: what its invoice recipient is resolved from. */
@Injectable()
export class BillingAddressRepository {
  constructor(private readonly em: EntityManager) {}

  /** Null when the organization does not exist (or is deleted). */
  async profile(organizationId: OrganizationId): Promise<BillingProfile | null> {
    const [row] = await rawQuery<BillingProfileRow>(
      this.em,
      `select o.name, o.partner_id, o.vat_id, o.address_street, o.address_postal_code, o.address_city, o.address_country,
              (select u.email
                 from membership m join app_user u on u.id = m.user_id
                where m.organization_id = o.id and m.role = 'admin'
                order by m.created_at, m.id
                limit 1) as first_admin_email,
              b.different_billing_address, b.use_as_invoice_recipient, b.name as billing_name, b.street as billing_street,
              b.postal_code as billing_postal_code, b.city as billing_city, b.country as billing_country, b.email as billing_email,
              b.vat_id as billing_vat_id
         from organization o
         left join billing_address b on b.organization_id = o.id
        where o.id = :organizationId and o.deleted_at is null`,
      { organizationId },
    );
    if (!row) return null;
    return {
      partnerId: row.partner_id,
      owner: {
        name: row.name,
        address: { street: row.address_street, postalCode: row.address_postal_code, city: row.address_city, country: row.address_country },
        firstAdminEmail: row.first_admin_email,
        vatId: row.vat_id,
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
      vatId: row.billing_vat_id,
    },
  };
}
