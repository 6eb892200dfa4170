import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { AccountsService } from '../accounts/accounts.service';
import { Membership } from '../accounts/membership.entity';
import { User, normalizeEmail } from '../accounts/user.entity';
import { MAX_PAGE_SIZE } from '../common/pagination';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { EndpointsService } from '../platform/endpoints.service';
import { HostsService } from '../platform/hosts.service';
import { LicenseService } from '../licensing/license.service';
import { Organization } from '../tenancy/organization.entity';
import { ProvisioningService } from '../accounts/provisioning.service';
import { TenancyService } from '../tenancy/tenancy.service';
import { DEMO_CUSTOMERS, DEMO_PARTNER, DemoOrganization } from './demo-data';
import { BillingAddressService } from '../billing/billing-address/billing-address.service';
import { CatalogService } from '../billing/catalog/catalog.service';
import { InvoiceService } from '../billing/invoices/invoice.service';
import { PaymentMethodsService } from '../billing/payment-methods/payment-methods.service';
import { SubscriptionService } from '../billing/subscriptions/subscription.service';
import { API_PREFIX } from '../config/http';
import { MembershipRole, OrganizationKind } from '../authz/roles';
import { systemActor } from '../audit/actor';
import { inTransaction } from '../database/transaction';

export interface DemoSeedResult {
  created: boolean;
  partner: { organizationId: OrganizationId; name: string } | null;
  customers: {
    organizationId: OrganizationId;
    name: string;
    plan: string | null;
    hosts: number;
    endpoints: number;
    licenses: number;
    invoice: { number: string; gross: number; currency: string } | null;
  }[];
  logins: { organization: string; organizationId: OrganizationId; role: string; email: string; password: string }[];
  nextSteps: string[];
  note: string;
}

/** What the audit log names as the author of the demo data. */
const DEMO_SEED = systemActor('demo:seed');

/** Fixed, so that a second run finds the first run's orders instead of ordering again. */
const DEMO_ORDER_KEY = 'demo-seed-order';

@Injectable()
export class DemoSeedService {
  constructor(
    private readonly em: EntityManager,
    private readonly provisioning: ProvisioningService,
    private readonly tenancy: TenancyService,
    private readonly accounts: AccountsService,
    private readonly hosts: HostsService,
    private readonly endpoints: EndpointsService,
    private readonly licenses: LicenseService,
    private readonly catalog: CatalogService,
    private readonly billingAddresses: BillingAddressService,
    private readonly paymentMethods: PaymentMethodsService,
    private readonly subscriptions: SubscriptionService,
    private readonly invoices: InvoiceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates the demo tenant unless its partner admin exists; either way describes what is there. */
  async seed(): Promise<DemoSeedResult> {
    const partnerAdmin = DEMO_PARTNER.logins[0];
    const exists = (await this.em.count(User, { email: normalizeEmail(partnerAdmin.email) })) > 0;
    if (!exists) await this.create();
    return { created: !exists, ...(await this.describe()) };
  }

  private async create(): Promise<void> {
    await inTransaction(this.em, async (em) => {
      const [partnerAdmin, ...partnerLogins] = DEMO_PARTNER.logins;
      const { organizationId: partnerId } = await this.provisioning.createPartner({
        name: DEMO_PARTNER.name,
        address: DEMO_PARTNER.address,
        vatId: DEMO_PARTNER.vatId,
        adminEmail: partnerAdmin.email,
        adminName: `${DEMO_PARTNER.name} ${partnerAdmin.role}`,
        adminPassword: partnerAdmin.password,
      });
      await this.catalog.ensurePartnerAgreement(partnerId);
      await this.catalog.setPartnerDiscount(partnerId, DEMO_PARTNER.discountPercent);
      await this.billingAddresses.update(partnerId, DEMO_PARTNER.billingAddress, DEMO_SEED);
      await this.paymentMethods.add(partnerId, DEMO_PARTNER.paymentMethod, DEMO_SEED);
      await this.addLogins(em.getReference(Organization, partnerId), DEMO_PARTNER.name, partnerLogins);

      for (const demo of DEMO_CUSTOMERS) {
        const customer = this.tenancy.createOrganization({
          name: demo.name,
          address: demo.address,
          kind: OrganizationKind.Customer,
          partnerId,
        });
        await this.addLogins(customer, demo.name, demo.logins);
        await em.flush();
        // As the partner admin orders it: at the partner's conditions, invoiced to the partner.
        await this.subscriptions.order(
          {
            organizationId: customer.id,
            organizationKind: OrganizationKind.Customer,
            partnerId,
            role: MembershipRole.Admin,
            viaPartner: true,
            isBillingOwnerAdmin: true,
          },
          { ...demo.order, acceptPaymentObligation: true },
          DEMO_ORDER_KEY,
          DEMO_SEED,
        );
        for (const host of demo.hosts) await this.hosts.create(customer.id, host, DEMO_SEED);
        for (const endpoint of demo.endpoints) await this.endpoints.create(customer.id, endpoint, DEMO_SEED);
      }
    });
  }

  private async addLogins(organization: Organization, organizationName: string, logins: DemoOrganization['logins']): Promise<void> {
    for (const login of logins) {
      const user = await this.accounts.createUser(login.email, `${organizationName} ${login.role}`, login.password);
      this.accounts.addMembership(organization, user, login.role);
    }
  }

  private async describe(): Promise<Omit<DemoSeedResult, 'created'>> {
    const demoLogins = [DEMO_PARTNER, ...DEMO_CUSTOMERS].flatMap((organization) => organization.logins);
    const memberships = await this.em.find(
      Membership,
      { user: { email: { $in: demoLogins.map((login) => normalizeEmail(login.email)) } }, organization: { deletedAt: null } },
      { populate: ['user', 'organization'], orderBy: { organization: { name: 'asc' }, user: { email: 'asc' } } },
    );
    const partner = memberships.find((membership) => membership.organization.kind === OrganizationKind.Partner)?.organization;
    const customers = partner
      ? await this.em.find(Organization, { partner: partner.id, deletedAt: null }, { orderBy: { name: 'asc' } })
      : [];
    const customerSummaries: DemoSeedResult['customers'] = [];
    for (const customer of customers) {
      const usage = await this.licenses.usage(customer.id);
      const endpoints = await this.endpoints.list(customer.id, MAX_PAGE_SIZE);
      const subscription = await this.subscriptions.get(customer.id);
      const [invoice] = (await this.invoices.list(customer.id, 1)).items;
      customerSummaries.push({
        organizationId: customer.id,
        name: customer.name,
        plan: subscription.plan?.code ?? null,
        hosts: usage.used,
        endpoints: endpoints.items.length,
        licenses: usage.limit,
        invoice: invoice ? { number: invoice.number, gross: invoice.gross, currency: invoice.currency } : null,
      });
    }
    const partnerFirst = (membership: Membership) => (membership.organization.kind === OrganizationKind.Partner ? 0 : 1);
    return {
      partner: partner ? { organizationId: partner.id, name: partner.name } : null,
      customers: customerSummaries,
      logins: memberships
        .sort((a, b) => partnerFirst(a) - partnerFirst(b))
        .map((membership) => ({
          organization: membership.organization.name,
          organizationId: membership.organization.id,
          role: membership.role,
          email: membership.user.email,
          password: demoLogins.find((login) => normalizeEmail(login.email) === membership.user.email)!.password,
        })),
      nextSteps: this.nextSteps(),
      note: 'Demo passwords are fixed and public: use this on demo systems only.',
    };
  }

  private nextSteps(): string[] {
    const base = this.config.publicUrl;
    const [partnerAdmin] = DEMO_PARTNER.logins;
    const credentials = JSON.stringify({ email: partnerAdmin.email, password: partnerAdmin.password });
    return [
      `Log in as the partner admin: curl -s -X POST ${base}/${API_PREFIX}/auth/login -H 'content-type: application/json' -d '${credentials}'`,
      `Then, with "Authorization: Bearer <accessToken>": GET ${base}/${API_PREFIX}/me/organizations lists the partner and its customers, GET ${base}/${API_PREFIX}/organizations/<partnerId>/customer-invoices their invoices.`,
      `Try every route in the browser: ${base}/docs`,
      `The invoice PDFs are rendered and mailed by the queue workers (in npm start, or npm run start:worker).`,
      `Back-office: create a staff login with "npm run cli -- staff:create --email <e-mail> --password <password>", then open ${base}/admin`,
    ];
  }
}
