import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { Page, toPage } from '../common/pagination';
import { notFound } from '../common/domain-error';
import { Organization } from '../tenancy/organization.entity';
import { createdAtIso, creationKey } from '../database/creation-order';
import { InventoryRepository } from './inventory.repository';
import { CreateEndpointDto, DEFAULT_INTERVAL_SECONDS, EndpointDto, UpdateEndpointDto } from './dto/endpoint.dto';
import { Endpoint } from './endpoint.entity';
import { Actor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { inTransaction } from '../database/transaction';

@Injectable()
export class EndpointsService {
  constructor(
    private readonly em: EntityManager,
    private readonly inventory: InventoryRepository,
    private readonly audit: AuditService,
  ) {}

  async list(organizationId: OrganizationId, limit: number, q?: string, cursor?: string): Promise<Page<EndpointDto>> {
    const rows = await this.inventory.pageEndpoints(organizationId, limit, q, cursor);
    return toPage(rows, limit, creationKey, (row) => ({
      id: row.id,
      name: row.name,
      url: row.url,
      intervalSeconds: row.interval_seconds,
      createdAt: createdAtIso(row),
    }));
  }

  async get(organizationId: OrganizationId, endpointId: string): Promise<EndpointDto> {
    return toEndpointDto(await this.load(organizationId, endpointId));
  }

  async create(organizationId: OrganizationId, dto: CreateEndpointDto, actor: Actor): Promise<EndpointDto> {
    return inTransaction(this.em, async (em) => {
      const endpoint = em.create(Endpoint, {
        organization: em.getReference(Organization, organizationId),
        name: dto.name.trim(),
        url: dto.url,
        intervalSeconds: dto.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS,
      });
      await em.persist(endpoint).flush();
      await this.audit.record({ organizationId, actor, action: 'endpoint.create', target: { type: 'endpoint', id: endpoint.id } });
      return toEndpointDto(endpoint);
    });
  }

  async update(organizationId: OrganizationId, endpointId: string, dto: UpdateEndpointDto, actor: Actor): Promise<EndpointDto> {
    return inTransaction(this.em, async (em) => {
      const endpoint = await this.load(organizationId, endpointId);
      if (dto.name !== undefined) endpoint.name = dto.name.trim();
      if (dto.url !== undefined) endpoint.url = dto.url;
      if (dto.intervalSeconds !== undefined) endpoint.intervalSeconds = dto.intervalSeconds;
      await em.flush();
      await this.audit.record({ organizationId, actor, action: 'endpoint.update', target: { type: 'endpoint', id: endpointId } });
      return toEndpointDto(endpoint);
    });
  }

  async remove(organizationId: OrganizationId, endpointId: string, actor: Actor): Promise<void> {
    await inTransaction(this.em, async (em) => {
      const deleted = await em.nativeDelete(Endpoint, { id: endpointId, organization: organizationId });
      if (deleted === 0) throw notFound('Endpoint');
      await this.audit.record({ organizationId, actor, action: 'endpoint.delete', target: { type: 'endpoint', id: endpointId } });
    });
  }

  /** Part of deleting an organization. */
  async removeAll(organizationId: OrganizationId): Promise<void> {
    await this.em.getContext().nativeDelete(Endpoint, { organization: organizationId });
  }

  private async load(organizationId: OrganizationId, endpointId: string): Promise<Endpoint> {
    const endpoint = await this.em.getContext().findOne(Endpoint, { id: endpointId, organization: organizationId });
    if (!endpoint) throw notFound('Endpoint');
    return endpoint;
  }
}

function toEndpointDto(endpoint: Endpoint): EndpointDto {
  return {
    id: endpoint.id,
    name: endpoint.name,
    url: endpoint.url,
    intervalSeconds: endpoint.intervalSeconds,
    createdAt: endpoint.createdAt.toISOString(),
  };
}
