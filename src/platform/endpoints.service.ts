import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Page, toPage } from '../common/pagination';
import { notFound } from '../common/problem';
import { Organization } from '../tenancy/organization.entity';
import { CreationOrderedRow, createdAtIso, creationKey, pageInCreationOrder } from '../database/creation-order';
import { CreateEndpointDto, DEFAULT_INTERVAL_SECONDS, EndpointDto, UpdateEndpointDto } from './dto/endpoint.dto';
import { Endpoint } from './endpoint.entity';

interface EndpointRow extends CreationOrderedRow {
  name: string;
  url: string;
  interval_seconds: number;
}

@Injectable()
export class EndpointsService {
  constructor(private readonly em: EntityManager) {}

  async list(organizationId: string, limit: number, q?: string, cursor?: string): Promise<Page<EndpointDto>> {
    const rows = await pageInCreationOrder<EndpointRow>(this.em, {
      table: 'endpoint',
      columns: ['id', 'name', 'url', 'interval_seconds'],
      organizationId,
      limit,
      q,
      cursor,
    });
    return toPage(rows, limit, creationKey, (row) => ({
      id: row.id,
      name: row.name,
      url: row.url,
      intervalSeconds: row.interval_seconds,
      createdAt: createdAtIso(row),
    }));
  }

  async get(organizationId: string, endpointId: string): Promise<EndpointDto> {
    return toEndpointDto(await this.load(organizationId, endpointId));
  }

  async create(organizationId: string, dto: CreateEndpointDto): Promise<EndpointDto> {
    const em = this.em.getContext();
    const endpoint = em.create(Endpoint, {
      organization: em.getReference(Organization, organizationId),
      name: dto.name.trim(),
      url: dto.url,
      intervalSeconds: dto.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS,
    });
    await em.persist(endpoint).flush();
    return toEndpointDto(endpoint);
  }

  async update(organizationId: string, endpointId: string, dto: UpdateEndpointDto): Promise<EndpointDto> {
    const endpoint = await this.load(organizationId, endpointId);
    if (dto.name !== undefined) endpoint.name = dto.name.trim();
    if (dto.url !== undefined) endpoint.url = dto.url;
    if (dto.intervalSeconds !== undefined) endpoint.intervalSeconds = dto.intervalSeconds;
    await this.em.getContext().flush();
    return toEndpointDto(endpoint);
  }

  async remove(organizationId: string, endpointId: string): Promise<void> {
    const deleted = await this.em.getContext().nativeDelete(Endpoint, { id: endpointId, organization: organizationId });
    if (deleted === 0) throw notFound('Endpoint');
  }

  /** Part of deleting an organization. */
  async removeAll(organizationId: string): Promise<void> {
    await this.em.getContext().nativeDelete(Endpoint, { organization: organizationId });
  }

  private async load(organizationId: string, endpointId: string): Promise<Endpoint> {
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
