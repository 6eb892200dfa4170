import { EntityManager } from '@mikro-orm/postgresql';
import { HttpStatus, Injectable } from '@nestjs/common';
import { LOGO_MAX_BYTES, LogoContentType, LogoRejection, normalizeLogo } from '../../libs/branding/logo-image';
import { ProblemException, badRequest, notFound } from '../common/problem';
import { rawQuery } from '../database/raw-query';
import { ISO_MILLISECONDS } from '../database/sql-timestamps';
import { LogoDto } from './dto/logo.dto';
import { LogoMetadata, loadStoredLogo } from './effective-branding';
import { OrganizationLogo } from './organization-logo.entity';
import { Actor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { inTransaction } from '../database/transaction';

export interface StoredLogo extends LogoMetadata {
  updatedAt: Date;
}

/** Also refused by the upload middleware, before the body is read, when the declared length is too large. */
export const logoTooLarge = (maxBytes = LOGO_MAX_BYTES) =>
  new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, 'logo-too-large', 'Logo too large', `A logo may have at most ${maxBytes} bytes (1 MB).`);

@Injectable()
export class LogoService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  /** Checks and re-encodes the upload (libs/branding) before the transaction, then replaces the organization's logo. */
  async upload(organizationId: string, bytes: Buffer, actor: Actor): Promise<LogoDto> {
    const result = await normalizeLogo(bytes);
    if (!result.ok) throw rejectionProblem(result.rejection);
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

function rejectionProblem(rejection: LogoRejection): ProblemException {
  switch (rejection.reason) {
    case 'empty':
      return badRequest('empty-file', 'The uploaded file is empty.');
    case 'too-large':
      return logoTooLarge(rejection.maxBytes);
    case 'unsupported-type':
      return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported-image-type', 'Unsupported image type', 'A logo must be a PNG or JPEG image; the uploaded bytes are neither, whatever the file name or declared type says.');
    case 'unreadable':
      return badRequest('invalid-image', `The image cannot be read: ${rejection.detail}.`);
    case 'too-many-pixels':
      return badRequest('image-too-large', `The image declares ${rejection.width}×${rejection.height} pixels; at most ${rejection.maxPixels} pixels are accepted.`);
    case 'too-small':
      return badRequest('logo-too-small', `The logo is ${rejection.width}×${rejection.height} px; it must be at least ${rejection.minSide}×${rejection.minSide} px.`);
  }
}
