import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { MAX_PASSWORD_LENGTH, PasswordHasher } from '../accounts/password-hasher';
import { normalizeEmail } from '../accounts/user.entity';
import { AuthErrors } from '../auth/auth.errors';
import { LoginThrottle } from '../auth/login-throttle';
import { isUuid } from '../common/uuid-param';
import { StaffUser } from './staff-user.entity';

// Counted apart from API logins, with the same limits.
const LOGIN_SCOPE = 'admin';

export interface StaffIdentity {
  id: string;
  email: string;
}

/** Back-office logins: staff_user only, so partner and customer credentials never work here. */
@Injectable()
export class StaffAuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly passwords: PasswordHasher,
    private readonly throttle: LoginThrottle,
  ) {}

  /** Throws a 429 problem while the account or address is locked out, a 401 one for wrong credentials. */
  async login(rawEmail: unknown, password: unknown, ip: string): Promise<StaffIdentity> {
    const email = typeof rawEmail === 'string' ? normalizeEmail(rawEmail) : '';
    await this.throttle.admit(LOGIN_SCOPE, email, ip);
    const em = this.em.fork();
    const staff = email ? await em.findOne(StaffUser, { email }, { populate: ['passwordHash'] }) : null;
    // An over-long password is wrong for every account; it is not worth hashing.
    const candidate = typeof password === 'string' && password.length <= MAX_PASSWORD_LENGTH ? password : '';
    const valid = (await this.passwords.verify(staff?.passwordHash, candidate)) && candidate !== '';
    if (!staff || !valid) {
      await this.throttle.recordFailure(LOGIN_SCOPE, email, ip);
      throw AuthErrors.invalidCredentials();
    }
    await this.throttle.recordSuccess(LOGIN_SCOPE, email, ip);
    staff.lastLoginAt = new Date();
    await em.flush();
    return { id: staff.id, email: staff.email };
  }

  /** The staff member a session names, if the login still exists (deleting a staff user ends its sessions). */
  async find(staffId: string): Promise<StaffIdentity | null> {
    if (!isUuid(staffId)) return null;
    const staff = await this.em.fork().findOne(StaffUser, { id: staffId }, { fields: ['email'] });
    return staff ? { id: staff.id, email: staff.email } : null;
  }
}
