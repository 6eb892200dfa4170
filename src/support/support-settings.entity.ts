import { Entity, OneToOne, OptionalProps, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Organization } from '../tenancy/organization.entity';

/** A partner's support contact (Settings → Support), shown to its linked customers behind the headset icon. */
@Entity({ tableName: 'support_settings' })
export class SupportSettings {
  [PrimaryKeyProp]?: 'organization';
  [OptionalProps]?: 'updatedAt' | 'website' | 'hours';

  @OneToOne(() => Organization, { primary: true, deleteRule: 'cascade' })
  organization!: Organization;

  @Property({ type: 'text' })
  company!: string;

  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text' })
  phone!: string;

  @Property({ type: 'text', nullable: true })
  website?: string | null;

  @Property({ type: 'text', nullable: true })
  hours?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
