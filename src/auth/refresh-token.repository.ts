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
}
