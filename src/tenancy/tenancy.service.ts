import { parseVatId } from '../common/vat-id';
import { DEFAULT_LOCALE, Locale } from '../../libs/i18n';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { OrgAccessService, effectiveRole } from '../authz/org-access.service';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { OrganizationId, asOrganizationId } from '../common/organization-id';
import { Page, decodeCursor, toPage } from '../common/pagination';
import { byName, keysetPage, whereNameContains } from '../database/keyset-page';
import { notFound } from '../common/domain-error';
import {
  AccessibleOrganizationDto,
  AddressDto,
  CreateOrganizationDto,
  CustomerOrganizationDto,
  OrganizationDto,
  SecurityDto,
  UpdateOrganizationDto,
  UpdateSecurityDto,
} from './dto/organization.dto';
import { OrganizationLifecycle } from './organization-lifecycle';
import { Organization } from './organization.entity';
import { OrganizationKind } from '../authz/roles';
import { Actor, UserActor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { inTransaction } from '../database/transaction';
import { TenancyErrors } from './tenancy.errors';
import { buildAbility } from '../authz/ability.factory';
import { OrgAccess } from '../authz/permission-table';
import { WebhookEvents } from '../webhook-events/webhook-events.service';
import { OrganizationRepository, OrganizationRow } from './organization.repository';

export interface NewOrganization {
  name: string;
  address: AddressDto;
  kind: OrganizationKind;
  partnerId?: OrganizationId;
  vatId?: string;
  locale?: Locale;
}

@Injectable()
export class TenancyService {
  constructor(
    private readonly em: EntityManager,
    private readonly organizations: OrganizationRepository,
    private readonly orgAccess: OrgAccessService,
    private readonly lifecycle: OrganizationLifecycle,
    private readonly audit: AuditService,
    private readonly events: WebhookEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates the organization with its trial; the caller's transaction adds memberships. */
  createOrganization(data: NewOrganization): Organization {
    const em = this.em.getContext();
    const now = new Date();
    const organization = em.create(Organization, {
      name: data.name.trim(),
      address: data.address,
      kind: data.kind,
      vatId: data.vatId,
      locale: data.locale ?? DEFAULT_LOCALE,
      partner: data.partnerId ? em.getReference(Organization, data.partnerId) : undefined,
      trialEndsAt: new Date(now.getTime() + this.config.trial.days * 86_400_000),
      trialLicenses: this.config.trial.licenses,
      createdAt: now,
    });
    em.persist(organization);
    return organization;
  }

  /** POST /organizations: a linked customer organization when `partnerId` is given, else a standalone one its creator administers. */
  async createForUser(dto: CreateOrganizationDto, actor: UserActor): Promise<OrganizationDto> {
    return inTransaction(this.em, async (em) => {
      const organization = await this.newOrganizationFor(dto, actor.id);
      await em.flush();
      await this.audit.record({ organizationId: organization.id, actor, action: 'organization.create', target: { type: 'organization', id: organization.id } });
      await this.events.publish({ type: 'organization.created', organizationId: organization.id, data: { partnerId: organization.partner?.id ?? null } });
      return toOrganizationDto(organization);
    });
  }

  private async newOrganizationFor(dto: CreateOrganizationDto, userId: string): Promise<Organization> {
    if (dto.partnerId) {
      const access = await this.orgAccess.resolve(userId, asOrganizationId(dto.partnerId));
      if (!access) throw notFound('Partner organization');
      if (access.organizationKind !== OrganizationKind.Partner) {
        throw TenancyErrors.notAPartner();
      }
      if (!buildAbility(access).can('create', 'Customer')) throw TenancyErrors.onlyPartnerAdminsCreateCustomers();
      return this.createOrganization({
        name: dto.name,
        address: dto.address,
        kind: OrganizationKind.Customer,
        partnerId: access.organizationId,
        locale: dto.locale ?? (await this.organizations.localeOf(access.organizationId)) ?? undefined,
      });
    }
    const organization = this.createOrganization({ name: dto.name, address: dto.address, kind: OrganizationKind.Standalone, locale: dto.locale });
    this.lifecycle.founded(organization, userId);
    return organization;
  }

  async get(organizationId: OrganizationId): Promise<OrganizationDto> {
    return toOrganizationDto(await this.load(organizationId));
  }

  async update(organizationId: OrganizationId, dto: UpdateOrganizationDto, actor: Actor): Promise<OrganizationDto> {
    return inTransaction(this.em, async (em) => {
      const organization = await this.load(organizationId);
      if (dto.name !== undefined) organization.name = dto.name.trim();
      if (dto.address !== undefined) organization.address = Object.assign(organization.address, dto.address);
      if (dto.locale !== undefined) organization.locale = dto.locale;
      if (dto.vatId !== undefined) organization.vatId = dto.vatId === null ? undefined : (parseVatId(dto.vatId) ?? undefined);
      await em.flush();
      await this.audit.record({
        organizationId,
        actor,
        action: 'organization.update',
        target: { type: 'organization', id: organizationId },
        details: { changed: Object.entries(dto).filter(([, value]) => value !== undefined).map(([field]) => field) },
      });
      return toOrganizationDto(organization);
    });
  }

  async updateSecurity(access: OrgAccess, dto: UpdateSecurityDto, actor: Actor): Promise<SecurityDto> {
    if (dto.requireMfa && actor.type === 'user' && !access.callerHasMfa) throw TenancyErrors.enrolMfaFirst();
    return inTransaction(this.em, async (em) => {
      await em.nativeUpdate(Organization, { id: access.organizationId }, { requireMfa: dto.requireMfa });
      await this.audit.record({
        organizationId: access.organizationId,
        actor,
        action: 'organization.security',
        target: { type: 'organization', id: access.organizationId },
        details: { requireMfa: dto.requireMfa },
      });
      const partner =
        access.organizationKind === OrganizationKind.Customer && access.partnerId
          ? await em.findOne(Organization, { id: access.partnerId }, { fields: ['requireMfa'] })
          : null;
      return { requireMfa: dto.requireMfa, requiredByPartner: partner?.requireMfa ?? false };
    });
  }

  /** Soft-deletes the organization and removes its dependent data; invoices stay (legal retention). */
  async delete(organizationId: OrganizationId, actor: Actor): Promise<void> {
    await inTransaction(this.em, async (em) => {
      const organization = await this.lock(organizationId);
      if (organization.kind === OrganizationKind.Partner) {
        const customers = await this.organizations.countLiveCustomers(organizationId);
        if (customers > 0) throw TenancyErrors.hasCustomers(customers);
      }
      await this.lifecycle.deleted(organizationId);
      await em.nativeUpdate(Organization, { id: organizationId }, { deletedAt: new Date() });
      await this.audit.record({ organizationId, actor, action: 'organization.delete', target: { type: 'organization', id: organizationId } });
      // After the deletion: its own webhooks stop with it, its partner's hear it.
      await this.events.publish({ type: 'organization.deleted', organizationId, data: { partnerId: organization.partnerId } });
    });
  }

  /**
   * A standalone organization becomes a partner; a partner or a linked customer organization cannot.
   * Runs in the caller's transaction, which gives the partner its agreement.
   */
  async makePartner(organizationId: OrganizationId): Promise<{ name: string }> {
    const organization = await this.lock(organizationId);
    if (organization.kind === OrganizationKind.Partner) throw TenancyErrors.alreadyPartner(organization.name);
    if (organization.kind === OrganizationKind.Customer) {
      throw TenancyErrors.linkedCustomerCannotBePartner(organization.name);
    }
    await this.em.getContext().nativeUpdate(Organization, { id: organizationId }, { kind: OrganizationKind.Partner });
    return { name: organization.name };
  }

  /** Every organization the user reaches: partner and standalone ones first, then customers, each by name. */
  async listAccessible(userId: string, limit: number, q?: string, cursor?: string): Promise<Page<AccessibleOrganizationDto>> {
    const after = decodeCursor<[number, string, string]>(cursor, ['number', 'string', 'uuid']);
    const rows = await this.organizations.accessibleBy(userId, limit, q, after);
    return toPage(rows, limit, (row) => [row.grp, row.name, row.id], (row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      partnerId: row.partner_id,
      ...effectiveRole(row.direct_role, row.partner_role),
    }));
  }

  async listCustomers(partnerId: OrganizationId, limit: number, q?: string, cursor?: string): Promise<Page<CustomerOrganizationDto>> {
    const qb = this.em.createQueryBuilder(Organization, 'o').select(['id', 'name', 'kind', 'partner', 'createdAt']).where({ partner: partnerId, deletedAt: null });
    return keysetPage(whereNameContains(qb, q), byName<Organization>(), limit, cursor, (row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      partnerId,
      createdAt: row.createdAt.toISOString(),
    }));
  }

  /** Locks a live organization's row for the rest of the transaction. */
  private async lock(organizationId: OrganizationId): Promise<OrganizationRow> {
    const organization = await this.organizations.lock(organizationId);
    if (!organization) throw notFound('Organization');
    return organization;
  }

  private async load(organizationId: OrganizationId): Promise<Organization> {
    const organization = await this.em.findOne(Organization, { id: organizationId, deletedAt: null });
    if (!organization) throw notFound('Organization');
    return organization;
  }
}

export function toOrganizationDto(organization: Organization): OrganizationDto {
  return {
    id: organization.id,
    name: organization.name,
    kind: organization.kind,
    partnerId: organization.partner?.id ?? null,
    address: { ...organization.address },
    locale: organization.locale,
    vatId: organization.vatId ?? null,
    createdAt: organization.createdAt.toISOString(),
  };
}
