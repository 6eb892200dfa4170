import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { rawQuery } from '../database/raw-query';
import { requireTransaction } from '../database/transaction';

/** Keeps this module's advisory locks apart from others (the migration lock) in PostgreSQL's shared key space. */
const SESSIONS_LOCK_NAMESPACE = 0x5345_5353; // "SESS"

@Injectable()
export class RefreshTokenRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Serializes every change to one user's refresh tokens (rotation, revoking a family, ending all
   * sessions) until the caller's transaction ends: a rotation cannot slip a new token past a
   * revocation that runs at the same time.
   */
  async lockSessionsOf(userId: string): Promise<void> {
    requireTransaction(this.em, "Locking a user's sessions");
    await rawQuery(this.em, `select pg_advisory_xact_lock(:namespace, hashtext(:userId))`, { namespace: SESSIONS_LOCK_NAMESPACE, userId });
  }

  /** The user's sessions still alive (their latest token neither revoked nor expired), most recently used first. */
  sessionsOf(userId: string): Promise<SessionRow[]> {
    return rawQuery<SessionRow>(
      this.em,
      `select family_id as id, min(created_at) as created_at, max(created_at) as last_used_at,
              (array_agg(client_ip order by created_at desc))[1] as client_ip,
              (array_agg(user_agent order by created_at desc))[1] as user_agent
         from refresh_token
        where user_id = :userId
        group by family_id
       having bool_and(revoked_at is null) and max(expires_at) > now()
        order by max(created_at) desc`,
      { userId },
    );
  }
}

export interface SessionRow {
  id: string;
  created_at: Date | string;
  last_used_at: Date | string;
  client_ip: string | null;
  user_agent: string | null;
}
