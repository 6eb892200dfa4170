import { UpdateBillingAddressDto } from '../billing/billing-address/dto/billing-address.dto';
import { NewSepaPaymentMethodDto } from '../billing/payment-methods/dto/payment-method.dto';
import { PaymentMethodType } from '../billing/payment-methods/payment-method.entity';
import { AddressDto } from '../tenancy/dto/organization.dto';
import { MembershipRole } from '../authz/roles';

/**
 * The demo tenant of `demo:seed`. Passwords are fixed and public on purpose
 * (demo and sales systems only), so a second run can print the same logins.
 */
export interface DemoLogin {
  email: string;
  password: string;
  role: MembershipRole;
}

export interface DemoOrganization {
  name: string;
  address: AddressDto;
  logins: DemoLogin[];
}

export interface DemoPartner extends DemoOrganization {
  vatId: string;
  discountPercent: number;
  billingAddress: UpdateBillingAddressDto;
  paymentMethod: NewSepaPaymentMethodDto;
}

export interface DemoCustomer extends DemoOrganization {
  order: { planCode: string; addonCodes: string[] };
  hosts: { name: string; os: string }[];
  endpoints: { name: string; url: string; intervalSeconds?: number }[];
}

const logins = (domain: string, kind: 'partner' | 'customer'): DemoLogin[] => [
  { email: `admin@${domain}`, password: `demo-${kind}-admin`, role: MembershipRole.Admin },
  { email: `guest@${domain}`, password: `demo-${kind}-guest`, role: MembershipRole.Guest },
];

export const DEMO_PARTNER: DemoPartner = {
  name: 'Demo Partner GmbH',
  address: { street: 'Anger 1', postalCode: '99084', city: 'Erfurt', country: 'DE' },
  logins: logins('demo-partner.example', 'partner'),
  vatId: 'DE999999999',
  discountPercent: 20,
  billingAddress: {
    differentBillingAddress: true,
    useAsInvoiceRecipient: true,
    recipient: {
      name: 'Demo Partner GmbH – Buchhaltung',
      street: 'Postfach 10 01 01',
      postalCode: '99001',
      city: 'Erfurt',
      country: 'DE',
      email: 'rechnung@demo-partner.example',
    },
  },
  // The IBAN of the German standard's documentation: valid check digits, no real account.
  paymentMethod: { type: PaymentMethodType.Sepa, iban: 'DE89 3704 0044 0532 0130 00', accountHolder: 'Demo Partner GmbH' },
};

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  {
    name: 'Bäckerei Sonnenschein',
    address: { street: 'Marktstraße 5', postalCode: '99423', city: 'Weimar', country: 'DE' },
    logins: logins('baeckerei-sonnenschein.example', 'customer'),
    order: { planCode: 'starter', addonCodes: [] },
    hosts: [
      { name: 'kasse-01', os: 'Windows 11' },
      { name: 'buero-pc', os: 'Windows 11' },
    ],
    endpoints: [{ name: 'Webshop', url: 'https://baeckerei-sonnenschein.example/' }],
  },
  {
    name: 'Kanzlei Weber & Partner',
    address: { street: 'Domplatz 3', postalCode: '99084', city: 'Erfurt', country: 'DE' },
    logins: logins('kanzlei-weber.example', 'customer'),
    order: { planCode: 'business', addonCodes: ['pentest'] },
    hosts: [
      { name: 'srv-dc01', os: 'Windows Server 2022' },
      { name: 'nas-01', os: 'Synology DSM 7.2' },
    ],
    endpoints: [
      { name: 'Website', url: 'https://kanzlei-weber.example/' },
      { name: 'Mandantenportal', url: 'https://portal.kanzlei-weber.example/login', intervalSeconds: 60 },
    ],
  },
  {
    name: 'Autohaus Nord',
    address: { street: 'Nordhäuser Straße 80', postalCode: '99089', city: 'Erfurt', country: 'DE' },
    logins: logins('autohaus-nord.example', 'customer'),
    order: { planCode: 'starter', addonCodes: ['hosts-10'] },
    hosts: [
      { name: 'srv-erp', os: 'Ubuntu 24.04' },
      { name: 'werkstatt-pc', os: 'Windows 10' },
    ],
    endpoints: [{ name: 'Terminbuchung', url: 'https://termine.autohaus-nord.example/', intervalSeconds: 120 }],
  },
];
