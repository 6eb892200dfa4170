import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { PasswordHasher } from '../accounts/password-hasher';
import { normalizeEmail } from '../accounts/user.entity';
import { conflict } from '../common/problem';
import { StaffUser } from './staff-user.entity';

/** Back-office logins; separate from partner and customer users. */
@Injectable()
export class StaffService {
  constructor(
    private readonly em: EntityManager,
    private readonly passwords: PasswordHasher,
  ) {}

  async createStaff(email: string, password: string): Promise<{ staffId: string }> {
    const em = this.em.getContext();
    const normalized = normalizeEmail(email);
    if ((await em.count(StaffUser, { email: normalized })) > 0) throw staffExists(normalized);
    const staff = em.create(StaffUser, { email: normalized, passwordHash: await this.passwords.hash(password) });
    try {
      await em.persist(staff).flush();
    } catch (error) {
      // Lost a race against a concurrent create with the same e-mail.
      if (error instanceof UniqueConstraintViolationException) throw staffExists(normalized);
      throw error;
    }
    return { staffId: staff.id };
  }
}

const staffExists = (email: string) => conflict('staff-exists', `A staff login ${email} already exists.`);
