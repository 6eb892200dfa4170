import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { rawQuery } from '../database/raw-query';
import { requireTransaction } from '../database/transaction';
import { SESSION_TABLE } from './adminjs/backoffice-session';

/** Staff logins and their back-office sessions: platform-wide rows, no tenant. */
@Injectable()
export class StaffRepository {
  constructor(private readonly em: EntityManager) {}

  /** Every staff login, each row locked until the caller's transaction ends. */
  lockAll(): Promise<{ id: string; email: string }[]> {
    requireTransaction(this.em, 'Locking the staff logins');
    return rawQuery<{ id: string; email: string }>(this.em, 'select id, email from staff_user order by id for update');
  }

  /** Ends every session of a staff member (its row's `sess` holds the adminUser set at login), in the caller's transaction. */
  async deleteSessionsOf(staffId: string): Promise<void> {
    await rawQuery(this.em, `delete from ${SESSION_TABLE} where sess -> 'adminUser' ->> 'id' = :staffId`, { staffId });
  }
}
