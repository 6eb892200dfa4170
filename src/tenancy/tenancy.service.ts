import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { preparedQuery, rawQuery } from '../database/raw-query';
import { OrgAccessService, effectiveRole } from '../authz/org-access.service';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Page, decodeCursor, likePattern, toPage } from '../common/pagination';
import { notFound } from '../common/problem';
import {
  AccessibleOrganizationDto,
  AddressDto,
  CreateOrganizationDto,
  CustomerOrganizationDto,
  OrganizationDto,
  UpdateOrganizationDto,
} from './dto/organization.dto';
import { OrganizationLifecycle } from './organization-lifecycle';
import { Organization } from './organization.entity';
import { MembershipRole, OrganizationKind } from '../authz/roles';
import { Actor, UserActor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { inTransaction } from '../database/transaction';
import { TenancyErrors } from './tenancy.errors';
import { buildAbility } from '../authz/ability.factory';
import { OrganizationRow, lockOrganization } from './organization-lock';

interface AccessibleRow {
  id: string;
  name: string;
  kind: OrganizationKind;
  partner_id: string | null;
  direct_role: MembershipRole | null;
  partner_role: MembershipRole | null;
  grp: number;
}

export interface NewOrganization {
  name: string;
  address: AddressDto;
  kind: OrganizationKind;
  partnerId?: string;
  vatId?: string;
}

@Injectable()
export class TenancyService {
  constructor(
    private readonly em: EntityManager,
    private readonly orgAccess: OrgAccessService,
    private readonly lifecycle: OrganizationLifecycle,
    private readonly audit: AuditService,
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
      return toOrganizationDto(organization);
    });
  }

  private async newOrganizationFor(dto: CreateOrganizationDto, userId: string): Promise<Organization> {
    if (dto.partnerId) {
      const access = await this.orgAccess.resolve(userId, dto.partnerId);
      if (!access) throw notFound('Partner organization');
      if (access.organizationKind !== OrganizationKind.Partner) {
        throw TenancyErrors.notAPartner();
      }
      if (!buildAbility(access).can('create', 'Customer')) throw TenancyErrors.onlyPartnerAdminsCreateCustomers();
      return this.createOrganization({ ...dto, kind: OrganizationKind.Customer, partnerId: dto.partnerId });
    }
    const organization = this.createOrganization({ ...dto, kind: OrganizationKind.Standalone });
    this.lifecycle.founded(organization, userId);
    return organization;
  }

  async get(organizationId: string): Promise<OrganizationDto> {
    return toOrganizationDto(await this.load(organizationId));
  }

  async update(organizationId: string, dto: UpdateOrganizationDto, actor: Actor): Promise<OrganizationDto> {
    return inTransaction(this.em, async (em) => {
      const organization = await this.load(organizationId);
      if (dto.name !== undefined) organization.name = dto.name.trim();
      if (dto.address !== undefined) organization.address = Object.assign(organization.address, dto.address);
      await em.flush();
      await this.audit.record({
        organizationId,
        actor,
        action: 'organization.update',
        target: { type: 'organization', id: organizationId },
        details: { changed: Object.keys(dto) },
      });
      return toOrganizationDto(organization);
    });
  }

  /** Soft-deletes the organization and removes its dependent data; invoices stay (legal retention). */
  async delete(organizationId: string, actor: Actor): Promise<void> {
    await inTransaction(this.em, async (em) => {
      const organization = await this.lock(organizationId);
      if (organization.kind === OrganizationKind.Partner) {
        const [{ count }] = await rawQuery<{ count: string }>(
          em,
          'select count(*) from organization where partner_id = :organizationId and deleted_at is null',
          { organizationId },
        );
        if (Number(count) > 0) {
          throw TenancyErrors.hasCustomers(Number(count));
        }
      }
      await this.lifecycle.deleted(organizationId);
      await em.nativeUpdate(Organization, { id: organizationId }, { deletedAt: new Date() });
      await this.audit.record({ organizationId, actor, action: 'organization.delete', target: { type: 'organization', id: organizationId } });
    });
  }

  /**
   * A standalone organization becomes a partner; a partner or a linked customer organization cannot.
   * Runs in the caller's transaction, which gives the partner its agreement.
   */
  async makePartner(organizationId: string): Promise<{ name: string }> {
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
    const pattern = q ? likePattern(q) : null;
    const params = {
      user: userId,
      pattern,
      afterGroup: after?.[0] ?? -1,
      afterName: after?.[1] ?? '',
      afterId: after?.[2] ?? '00000000-0000-0000-0000-000000000000',
      limit: limit + 1,
    };
    // Linked customers come from an index scan per partner membership (organization_partner_name_idx),
    // so the first page costs the same with 10 or 10 000 customers.
    const rows = await preparedQuery<AccessibleRow>(
      this.em,
      `with my as (
         select organization_id, role from membership where user_id = :user
       ),
       direct as (
         select o.id, o.name, o.kind, o.partner_id, m.role as direct_role, via.role as partner_role,
                case when o.kind = 'customer' then 1 else 0 end as grp
           from my m
           join organization o on o.id = m.organization_id and o.deleted_at is null
           left join my via on via.organization_id = o.partner_id
       ),
       linked as (
         select c.id, c.name, c.kind, c.partner_id, null::membership_role as direct_role, p.role as partner_role, 1 as grp
           from my p
           cross join lateral (
             select c.id, c.name, c.kind, c.partner_id
               from organization c
              where c.partner_id = p.organization_id
                and c.deleted_at is null
                and (cast(:pattern as text) is null or c.name ilike cast(:pattern as text))
                and (:afterGroup < 1 or (c.name, c.id) > (cast(:afterName as text), cast(:afterId as uuid)))
                and not exists (select 1 from my d where d.organization_id = c.id)
              order by c.name, c.id
              limit :limit
           ) c
       )
       select * from (select * from direct union all select * from linked) accessible
        where (grp, name, id) > (:afterGroup, cast(:afterName as text), cast(:afterId as uuid))
          and (cast(:pattern as text) is null or name ilike cast(:pattern as text))
        order by grp, name, id
        limit :limit`,
      params,
    );
    return toPage(rows, limit, (row) => [row.grp, row.name, row.id], (row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      partnerId: row.partner_id,
      ...effectiveRole(row.direct_role, row.partner_role),
    }));
  }

  async listCustomers(partnerId: string, limit: number, q?: string, cursor?: string): Promise<Page<CustomerOrganizationDto>> {
    const after = decodeCursor<[string, string]>(cursor, ['string', 'uuid']);
    const qb = this.em
      .createQueryBuilder(Organization, 'o')
      .select(['id', 'name', 'kind', 'partner', 'createdAt'])
      .where({ partner: partnerId, deletedAt: null })
      .orderBy({ name: 'asc', id: 'asc' })
      .limit(limit + 1);
    if (q) qb.andWhere('o.name ilike ?', [likePattern(q)]);
    if (after) qb.andWhere('(o.name, o.id) > (?, ?)', [after[0], after[1]]);
    const rows = await qb.getResultList();
    return toPage(rows, limit, (row) => [row.name, row.id], (row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      partnerId,
      createdAt: row.createdAt.toISOString(),
    }));
  }

  /** Locks a live organization's row for the rest of the transaction. */
  private async lock(organizationId: string): Promise<OrganizationRow> {
    const organization = await lockOrganization(this.em, organizationId);
    if (!organization) throw notFound('Organization');
    return organization;
  }

  private async load(organizationId: string): Promise<Organization> {
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
    createdAt: organization.createdAt.toISOString(),
  };
}
