import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { StaffRepository } from './staff.repository';
import { PasswordHasher } from '../accounts/password-hasher';
import { normalizeEmail } from '../accounts/user.entity';
import { notFound } from '../common/domain-error';
import { StaffUser } from './staff-user.entity';
import { StaffErrors } from './admin.errors';

/** Back-office logins; separate from partner and customer users. */
@Injectable()
export class StaffService {
  constructor(
    private readonly em: EntityManager,
    private readonly staffRows: StaffRepository,
    private readonly passwords: PasswordHasher,
  ) {}

  async createStaff(email: string, password: string): Promise<{ staffId: string }> {
    const em = this.em.getContext();
    const normalized = normalizeEmail(email);
    if ((await em.count(StaffUser, { email: normalized })) > 0) throw StaffErrors.exists(normalized);
    const staff = em.create(StaffUser, { email: normalized, passwordHash: await this.passwords.hash(password) });
    try {
      await em.persist(staff).flush();
    } catch (error) {
      // Lost a race against a concurrent create with the same e-mail.
      if (error instanceof UniqueConstraintViolationException) throw StaffErrors.exists(normalized);
      throw error;
    }
    return { staffId: staff.id };
  }

  /**
   * Removes a back-office login in the caller's transaction; its sessions stop working at their next
   * request. Nobody removes their own login or the last one.
   */
  async deleteStaff(staffId: string, actingStaffId: string): Promise<{ email: string }> {
    const em = this.em.getContext();
    if (staffId === actingStaffId) throw StaffErrors.ownLogin();
    // Locks every staff row: two staff members deleting each other concurrently cannot leave none.
    const rows = await this.staffRows.lockAll();
    const target = rows.find((row) => row.id === staffId);
    if (!target) throw notFound('Staff user');
    if (rows.length <= 1) throw StaffErrors.lastLogin();
    await em.nativeDelete(StaffUser, { id: staffId });
    return { email: target.email };
  }
}

