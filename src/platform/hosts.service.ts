import { EntityManager } from '@mikro-orm/postgresql';
import { WebhookEvents } from '../webhook-events/webhook-events.service';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { Page, toPage } from '../common/pagination';
import { notFound } from '../common/domain-error';
import { Organization } from '../tenancy/organization.entity';
import { createdAtIso, creationKey } from '../database/creation-order';
import { InventoryRepository } from './inventory.repository';
import { CreateHostDto, HostDto } from './dto/host.dto';
import { Host } from './host.entity';
import { LicenseService } from '../licensing/license.service';
import { Actor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { inTransaction } from '../database/transaction';

@Injectable()
export class HostsService {
  constructor(
    private readonly em: EntityManager,
    private readonly inventory: InventoryRepository,
    private readonly licenses: LicenseService,
    private readonly audit: AuditService,
    private readonly events: WebhookEvents,
  ) {}

  async list(organizationId: OrganizationId, limit: number, q?: string, cursor?: string): Promise<Page<HostDto>> {
    const rows = await this.inventory.pageHosts(organizationId, limit, q, cursor);
    return toPage(rows, limit, creationKey, (row) => ({ id: row.id, name: row.name, os: row.os, createdAt: createdAtIso(row) }));
  }

  async get(organizationId: OrganizationId, hostId: string): Promise<HostDto> {
    const host = await this.em.findOne(Host, { id: hostId, organization: organizationId });
    if (!host) throw notFound('Host');
    return toHostDto(host);
  }

  /** A host takes one licence: refused with 409 license-limit when none is left. */
  async create(organizationId: OrganizationId, dto: CreateHostDto, actor: Actor): Promise<HostDto> {
    return inTransaction(this.em, async (em) => {
      const licences = await this.licenses.assertHostFits(organizationId);
      const host = em.create(Host, {
        organization: em.getReference(Organization, organizationId),
        name: dto.name.trim(),
        os: dto.os?.trim() || undefined,
      });
      await em.flush();
      await this.audit.record({ organizationId, actor, action: 'host.create', target: { type: 'host', id: host.id } });
      if (licences.usedWithHost === licences.limit) {
        await this.events.publish({ type: 'license.limit_reached', organizationId, data: { limit: licences.limit, used: licences.usedWithHost, hostId: host.id } });
      }
      return toHostDto(host);
    });
  }

  async remove(organizationId: OrganizationId, hostId: string, actor: Actor): Promise<void> {
    await inTransaction(this.em, async (em) => {
      const deleted = await em.nativeDelete(Host, { id: hostId, organization: organizationId });
      if (deleted === 0) throw notFound('Host');
      await this.audit.record({ organizationId, actor, action: 'host.delete', target: { type: 'host', id: hostId } });
    });
  }

  /** Part of deleting an organization. */
  async removeAll(organizationId: OrganizationId): Promise<void> {
    await this.em.getContext().nativeDelete(Host, { organization: organizationId });
  }
}

function toHostDto(host: Host): HostDto {
  return { id: host.id, name: host.name, os: host.os ?? null, createdAt: host.createdAt.toISOString() };
}
