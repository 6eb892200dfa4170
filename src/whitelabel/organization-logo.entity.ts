import { Entity, OneToOne, OptionalProps, PrimaryKeyProp, Property } from '@mikro-orm/core';
import type { LogoContentType } from '../../libs/branding/logo-image';
import { Organization } from '../tenancy/organization.entity';

/** An organization's uploaded logo, as re-encoded on upload; absent until one is uploaded. */
@Entity({ tableName: 'organization_logo' })
export class OrganizationLogo {
  [PrimaryKeyProp]?: 'organization';
  [OptionalProps]?: 'updatedAt';

  @OneToOne(() => Organization, { primary: true, deleteRule: 'cascade' })
  organization!: Organization;

  @Property({ type: 'text' })
  contentType!: LogoContentType;

  @Property({ type: 'integer' })
  width!: number;

  @Property({ type: 'integer' })
  height!: number;

  @Property({ type: 'integer' })
  size!: number;

  /** Hex SHA-256 of `data`, served as the ETag. */
  @Property({ type: 'text' })
  sha256!: string;

  @Property({ type: 'blob', lazy: true })
  data!: Buffer;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
