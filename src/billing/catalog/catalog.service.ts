import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../../common/organization-id';
import { FieldError, notFound } from '../../common/domain-error';
import { Organization } from '../../tenancy/organization.entity';
import { Addon, Plan } from './catalog.entity';
import { CatalogDto, CatalogItemDto } from './dto/catalog.dto';
import { CatalogItemChangesDto, NewCatalogItemDto, PartnerConditionsDto } from './dto/catalog-admin.dto';
import { PartnerAgreement } from './partner-agreement.entity';
import { PartnerConditions, priceFor } from './pricing';
import { CatalogErrors } from './catalog.errors';

@Injectable()
export class CatalogService {
  constructor(private readonly em: EntityManager) {}

  /** The billing owner's negotiated conditions, or null (list prices). */
  async conditionsOf(billingOwnerId: OrganizationId): Promise<PartnerConditions | null> {
    const agreement = await this.em.findOne(PartnerAgreement, { partner: billingOwnerId });
    return agreement ? { discountPercent: Number(agreement.discountPercent), priceOverrides: agreement.priceOverrides } : null;
  }

  /** Sets (or replaces) a partner's discount; its price overrides stay. */
  async setPartnerDiscount(partnerId: OrganizationId, discountPercent: number): Promise<void> {
    const em = this.em.getContext();
    const agreement = await em.findOne(PartnerAgreement, { partner: partnerId });
    if (agreement) agreement.discountPercent = discountPercent;
    else em.persist(em.create(PartnerAgreement, { partner: em.getReference(Organization, partnerId), discountPercent }));
    await em.flush();
  }

  /** A new partner's agreement: list prices until staff set conditions. Keeps an existing one. */
  async ensurePartnerAgreement(partnerId: OrganizationId): Promise<PartnerAgreement> {
    const em = this.em.getContext();
    const existing = await em.findOne(PartnerAgreement, { partner: partnerId });
    if (existing) return existing;
    const agreement = em.create(PartnerAgreement, { partner: em.getReference(Organization, partnerId), discountPercent: 0 });
    await em.persist(agreement).flush();
    return agreement;
  }

  /** Replaces a partner's conditions; every overridden code must be in the catalog, every price whole cents. */
  async setPartnerConditions(partnerId: OrganizationId, conditions: PartnerConditionsDto): Promise<void> {
    const em = this.em.getContext();
    const agreement = await em.findOne(PartnerAgreement, { partner: partnerId });
    if (!agreement) throw notFound('Partner agreement');
    const codes = Object.keys(conditions.priceOverrides);
    const known = new Set(
      codes.length === 0
        ? []
        : [...(await em.find(Plan, { code: { $in: codes } })), ...(await em.find(Addon, { code: { $in: codes } }))].map((item) => item.code),
    );
    const errors: FieldError[] = [];
    for (const [code, price] of Object.entries(conditions.priceOverrides)) {
      if (!known.has(code)) errors.push({ field: `priceOverrides.${code}`, message: `there is no plan or addon ${code}` });
      else if (!Number.isSafeInteger(price) || price < 0) errors.push({ field: `priceOverrides.${code}`, message: 'must be a price in whole cents, 0 or more' });
    }
    if (errors.length > 0) throw CatalogErrors.invalidPartnerConditions(errors);
    agreement.discountPercent = conditions.discountPercent;
    agreement.priceOverrides = conditions.priceOverrides;
    await em.flush();
  }

  async createItem(kind: 'plan' | 'addon', item: NewCatalogItemDto): Promise<Plan | Addon> {
    const em = this.em.getContext();
    const entity = kind === 'plan' ? Plan : Addon;
    if ((await em.count(entity, { code: item.code })) > 0) {
      throw CatalogErrors.codeTaken(kind, item.code);
    }
    const created = em.create(entity, { ...item, active: item.active ?? true });
    await em.persist(created).flush();
    return created;
  }

  /** Code and interval stay: subscriptions and invoices refer to them. */
  async updateItem(kind: 'plan' | 'addon', code: string, changes: CatalogItemChangesDto): Promise<Plan | Addon> {
    const em = this.em.getContext();
    const item = await em.findOne(kind === 'plan' ? Plan : Addon, { code });
    if (!item) throw notFound(kind === 'plan' ? 'Plan' : 'Addon');
    em.assign(item, Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)));
    await em.flush();
    return item;
  }

  async catalogFor(billingOwnerId: OrganizationId): Promise<CatalogDto> {
    const [plans, addons, conditions] = await Promise.all([
      this.em.find(Plan, { active: true }, { orderBy: { listPriceCents: 'asc' } }),
      this.em.find(Addon, { active: true }, { orderBy: { listPriceCents: 'asc' } }),
      this.conditionsOf(billingOwnerId),
    ]);
    const toDto = (item: Plan | Addon): CatalogItemDto => ({
      code: item.code,
      name: item.name,
      licenses: item.licenses,
      listPrice: item.listPriceCents,
      price: priceFor(item, conditions),
      currency: 'EUR',
      interval: item.interval,
    });
    return { plans: plans.map(toDto), addons: addons.map(toDto) };
  }

  async orderablePlan(code: string): Promise<Plan> {
    const plan = await this.em.findOne(Plan, { code, active: true });
    if (!plan) throw CatalogErrors.unknownPlan(code);
    return plan;
  }

  async orderableAddons(codes: string[], plan: Plan): Promise<Addon[]> {
    if (codes.length === 0) return [];
    const addons = await this.em.find(Addon, { code: { $in: codes }, active: true });
    const unknown = codes.filter((code) => !addons.some((addon) => addon.code === code));
    if (unknown.length > 0) {
      throw CatalogErrors.unknownAddons(unknown);
    }
    const mismatched = addons.filter((addon) => addon.interval !== plan.interval);
    if (mismatched.length > 0) {
      throw CatalogErrors.intervalMismatch(plan.interval, mismatched.map((addon) => addon.code));
    }
    return codes.map((code) => addons.find((addon) => addon.code === code)!);
  }
}
