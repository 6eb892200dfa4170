import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { LogoContentType, normalizeLogo } from '../../libs/branding/logo-image';
import { notFound } from '../common/problem';
import { rawQuery } from '../database/raw-query';
import { ISO_MILLISECONDS } from '../database/sql-timestamps';
import { LogoDto } from './dto/logo.dto';
import { LogoMetadata, loadStoredLogo } from './effective-branding';
import { OrganizationLogo } from './organization-logo.entity';
import { Actor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { inTransaction } from '../database/transaction';
import { LogoErrors } from './whitelabel.errors';

export interface StoredLogo extends LogoMetadata {
  updatedAt: Date;
}


@Injectable()
export class LogoService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  /** Checks and re-encodes the upload (libs/branding) before the transaction, then replaces the organization's logo. */
  async upload(organizationId: string, bytes: Buffer, actor: Actor): Promise<LogoDto> {
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
  async metadata(organizationId: string): Promise<StoredLogo> {
    const [row] = await rawQuery<{ content_type: LogoContentType; width: number; height: number; size: number; sha256: string; updated_at: string }>(
      this.em,
      `select content_type, width, height, size, sha256, to_char(updated_at at time zone 'UTC', :isoFormat) as updated_at
         from organization_logo where organization_id = :organizationId`,
      { organizationId, isoFormat: ISO_MILLISECONDS },
    );
    if (!row) throw notFound('Logo');
    return { contentType: row.content_type, width: row.width, height: row.height, size: row.size, sha256: row.sha256, updatedAt: new Date(row.updated_at) };
  }

  async data(organizationId: string): Promise<Buffer> {
    const data = await loadStoredLogo(this.em, organizationId);
    if (!data) throw notFound('Logo');
    return data;
  }

  async remove(organizationId: string, actor: Actor): Promise<void> {
    await inTransaction(this.em, async (em) => {
      const removed = await em.nativeDelete(OrganizationLogo, { organization: organizationId });
      if (removed === 0) throw notFound('Logo');
      await this.audit.record({ organizationId, actor, action: 'logo.delete', target: { type: 'organization', id: organizationId } });
    });
  }

  async removeAll(organizationId: string): Promise<void> {
    await this.em.nativeDelete(OrganizationLogo, { organization: organizationId });
  }
}
