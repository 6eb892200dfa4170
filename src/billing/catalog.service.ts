import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { badRequest } from '../common/problem';
import { Organization } from '../tenancy/organization.entity';
import { Addon, Plan } from './catalog.entity';
import { CatalogDto, CatalogItemDto } from './dto/catalog.dto';
import { PartnerAgreement } from './partner-agreement.entity';
import { PartnerConditions, priceFor } from './pricing';

@Injectable()
export class CatalogService {
  constructor(private readonly em: EntityManager) {}

  /** The billing owner's negotiated conditions, or null (list prices). */
  async conditionsOf(billingOwnerId: string): Promise<PartnerConditions | null> {
    const agreement = await this.em.findOne(PartnerAgreement, { partner: billingOwnerId });
    return agreement ? { discountPercent: Number(agreement.discountPercent), priceOverrides: agreement.priceOverrides } : null;
  }

  /** Sets (or replaces) a partner's discount; its price overrides stay. */
  async setPartnerDiscount(partnerId: string, discountPercent: number): Promise<void> {
    const em = this.em.getContext();
    const agreement = await em.findOne(PartnerAgreement, { partner: partnerId });
    if (agreement) agreement.discountPercent = discountPercent;
    else em.persist(em.create(PartnerAgreement, { partner: em.getReference(Organization, partnerId), discountPercent }));
    await em.flush();
  }

  async catalogFor(billingOwnerId: string): Promise<CatalogDto> {
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
    if (!plan) throw badRequest('unknown-plan', `There is no plan ${code}.`, [{ field: 'planCode', message: `unknown plan ${code}` }]);
    return plan;
  }

  async orderableAddons(codes: string[], plan: Plan): Promise<Addon[]> {
    if (codes.length === 0) return [];
    const addons = await this.em.find(Addon, { code: { $in: codes }, active: true });
    const unknown = codes.filter((code) => !addons.some((addon) => addon.code === code));
    if (unknown.length > 0) {
      throw badRequest('unknown-addon', `There is no addon ${unknown.join(', ')}.`, [{ field: 'addonCodes', message: `unknown addon ${unknown.join(', ')}` }]);
    }
    const mismatched = addons.filter((addon) => addon.interval !== plan.interval);
    if (mismatched.length > 0) {
      throw badRequest('interval-mismatch', `Addons must be billed like the plan (${plan.interval}).`, [
        { field: 'addonCodes', message: `${mismatched.map((addon) => addon.code).join(', ')} not billed per ${plan.interval}` },
      ]);
    }
    return codes.map((code) => addons.find((addon) => addon.code === code)!);
  }
}
