import { EntityManager } from '@mikro-orm/postgresql';
import { HttpStatus, Injectable } from '@nestjs/common';
import { LogoRejection, normalizeLogo } from '../../libs/branding/logo-image';
import { ProblemException, badRequest, notFound } from '../common/problem';
import { rawQuery } from '../database/raw-query';
import { Organization } from '../tenancy/organization.entity';
import { LogoDto } from './dto/logo.dto';
import { LogoMetadata } from './effective-branding';
import { OrganizationLogo } from './organization-logo.entity';

export interface LogoFile extends LogoMetadata {
  data: Buffer;
  updatedAt: Date;
}

@Injectable()
export class LogoService {
  constructor(private readonly em: EntityManager) {}

  /** Checks and re-encodes the upload (libs/branding), then replaces the organization's logo. */
  async upload(organizationId: string, bytes: Buffer): Promise<LogoDto> {
    const result = await normalizeLogo(bytes);
    if (!result.ok) throw rejectionProblem(result.rejection);
    const { logo } = result;
    const fields = { contentType: logo.contentType, width: logo.width, height: logo.height, size: logo.data.length, sha256: logo.sha256, data: logo.data, updatedAt: new Date() };
    const existing = await this.em.findOne(OrganizationLogo, { organization: organizationId });
    if (existing) this.em.assign(existing, fields);
    else this.em.persist(this.em.create(OrganizationLogo, { organization: this.em.getReference(Organization, organizationId), ...fields }));
    await this.em.flush();
    return { contentType: logo.contentType, width: logo.width, height: logo.height, size: logo.data.length };
  }

  async get(organizationId: string): Promise<LogoFile> {
    const [row] = await rawQuery<{ content_type: LogoFile['contentType']; width: number; height: number; size: number; sha256: string; data: Buffer; updated_at: Date | string }>(
      this.em,
      'select content_type, width, height, size, sha256, data, updated_at from organization_logo where organization_id = :organizationId',
      { organizationId },
    );
    if (!row) throw notFound('Logo');
    return { contentType: row.content_type, width: row.width, height: row.height, size: row.size, sha256: row.sha256, data: row.data, updatedAt: new Date(row.updated_at) };
  }

  async remove(organizationId: string): Promise<void> {
    const removed = await this.em.nativeDelete(OrganizationLogo, { organization: organizationId });
    if (removed === 0) throw notFound('Logo');
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
      return new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, 'logo-too-large', 'Logo too large', `A logo may have at most ${rejection.maxBytes} bytes (1 MB).`);
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
