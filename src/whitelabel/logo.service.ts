import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { normalizeLogo } from '../../libs/branding/logo-image';
import { notFound } from '../common/domain-error';
import { LogoDto } from './dto/logo.dto';
import { LogoRepository, StoredLogo } from './logo.repository';
import { OrganizationLogo } from './organization-logo.entity';
import { Actor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { inTransaction } from '../database/transaction';
import { LogoErrors } from './whitelabel.errors';


@Injectable()
export class LogoService {
  constructor(
    private readonly em: EntityManager,
    private readonly logos: LogoRepository,
    private readonly audit: AuditService,
  ) {}

  /** Checks and re-encodes the upload (libs/branding) before the transaction, then replaces the organization's logo. */
  async upload(organizationId: OrganizationId, bytes: Buffer, actor: Actor): Promise<LogoDto> {
    const result = await normalizeLogo(bytes);
    if (!result.ok) throw LogoErrors.rejected(result.rejection);
    const { contentType, width, height, sha256, data } = result.logo;
    await inTransaction(this.em, async (em) => {
      await em.upsert(OrganizationLogo, {
        organization: organizationId,
        contentType,
        width,
        height,
        size: data.length,
        sha256,
        data,
        updatedAt: new Date(),
      });
      await this.audit.record({ organizationId, actor, action: 'logo.upload', target: { type: 'organization', id: organizationId } });
    });
    return { contentType, width, height, size: data.length };
  }

  /** Everything but the bytes: enough to answer a revalidation. */
  async metadata(organizationId: OrganizationId): Promise<StoredLogo> {
    const logo = await this.logos.metadata(organizationId);
    if (!logo) throw notFound('Logo');
    return logo;
  }

  async data(organizationId: OrganizationId): Promise<Buffer> {
    const logo = await this.logos.file(organizationId);
    if (!logo) throw notFound('Logo');
    return logo.data;
  }

  async remove(organizationId: OrganizationId, actor: Actor): Promise<void> {
    await inTransaction(this.em, async (em) => {
      const removed = await em.nativeDelete(OrganizationLogo, { organization: organizationId });
      if (removed === 0) throw notFound('Logo');
      await this.audit.record({ organizationId, actor, action: 'logo.delete', target: { type: 'organization', id: organizationId } });
    });
  }

  async removeAll(organizationId: OrganizationId): Promise<void> {
    await this.em.nativeDelete(OrganizationLogo, { organization: organizationId });
  }
}
