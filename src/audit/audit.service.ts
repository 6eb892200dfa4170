import { EntityManager } from '@mikro-orm/postgresql';
import { OrganizationId } from '../common/organization-id';
import { requireTransaction } from '../database/transaction';
import type { Actor } from './actor';
import { Injectable } from '@nestjs/common';
import { Page } from '../common/pagination';
import { AuditLogEntry } from './audit-log-entry.entity';
import { keysetPage, newestFirst } from '../database/keyset-page';


export interface AuditRecord {
  /** Unset only for platform-wide back-office changes. */
  organizationId?: OrganizationId;
  actor: Actor;
  action: string;
  target: { type: string; id?: string };
  details?: Record<string, unknown>;
}

export interface AuditLogItem {
  id: string;
  at: string;
  actor: { id: string | null; email: string | null; name: string | null; type: string; viaPartner: boolean };
  action: string;
  target: { type: string; id: string | null };
  ip: string | null;
}

const BY_CREATION = newestFirst<AuditLogEntry>('createdAt', 'created_at');

@Injectable()
export class AuditService {
  constructor(private readonly em: EntityManager) {}

  /** Written in the transaction of the change it records, so the entry exists exactly when the change does. */
  async record(entry: AuditRecord): Promise<void> {
    const em = requireTransaction(this.em, 'An audit entry');
    em.persist(
      em.create(AuditLogEntry, {
        organizationId: entry.organizationId,
        actorId: entry.actor.id,
        actorEmail: entry.actor.email,
        actorName: entry.actor.name,
        actorType: entry.actor.type,
        viaPartner: entry.actor.viaPartner,
        action: entry.action,
        targetType: entry.target.type,
        targetId: entry.target.id,
        ip: entry.actor.ip,
        details: entry.details,
      }),
    );
    await em.flush();
  }

  async list(organizationId: OrganizationId, limit: number, cursor?: string): Promise<Page<AuditLogItem>> {
    const qb = this.em.createQueryBuilder(AuditLogEntry, 'e').where({ organizationId });
    return keysetPage(qb, BY_CREATION, limit, cursor, (row) => ({
      id: row.id,
      at: row.createdAt.toISOString(),
      actor: { id: row.actorId ?? null, email: row.actorEmail ?? null, name: row.actorName ?? null, type: row.actorType, viaPartner: row.viaPartner },
      action: row.action,
      target: { type: row.targetType, id: row.targetId ?? null },
      ip: row.ip ?? null,
    }));
  }
}
