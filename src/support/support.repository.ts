import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OrganizationId } from '../common/organization-id';
import { rawQuery } from '../database/raw-query';
import { LINKED_PARTNER_JOIN } from '../tenancy/linked-partner.sql';
import { SupportContactDetails } from './support-contact';

@Injectable()
export class SupportRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * The support settings of the organization's linked partner: null when the partner has saved
   * none (or the organization is not linked); undefined when the organization does not exist.
   */
  async linkedPartnerSettings(organizationId: OrganizationId): Promise<SupportContactDetails | null | undefined> {
    const [row] = await rawQuery<{ company: string | null; email: string; phone: string; website: string | null; hours: string | null }>(
      this.em,
      `select s.company, s.email, s.phone, s.website, s.hours
         from organization o
         ${LINKED_PARTNER_JOIN}
         left join support_settings s on s.organization_id = p.id
        where o.id = :organizationId`,
      { organizationId },
    );
    if (!row) return undefined;
    if (row.company === null) return null;
    return { company: row.company, email: row.email, phone: row.phone, website: row.website, hours: row.hours };
  }
}
