import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { User } from '../../accounts/user.entity';
import { inTransaction } from '../../database/transaction';
import { SecretBox } from '../../mail/secret-box';
import { tokenHash } from '../token-hash';
import { MfaErrors } from './mfa.errors';
import { RecoveryCode } from './recovery-code.entity';
import { acceptedStep, newTotpSecret, otpauthUrl } from './totp';

const ISSUER = 'partnerhub';
const RECOVERY_CODES = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Recovery codes are typed by people: case and dashes do not matter. */
const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((byte) => RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export interface SecondFactor {
  code?: string;
  recoveryCode?: string;
}

/**
 * TOTP two-factor authentication (otpauth): enrolment with a pending secret confirmed by a code,
 * ten single-use recovery codes stored hashed, turning it off with a code. Secrets are sealed at
 * rest (SecretBox); a code is accepted once (its time step is recorded in the same statement that
 * accepts it), a recovery code once (claimed in one statement).
 */
@Injectable()
export class MfaService {
  constructor(
    private readonly em: EntityManager,
    private readonly secretBox: SecretBox,
  ) {}

  async start(userId: string): Promise<{ secret: string; otpauthUrl: string }> {
    return inTransaction(this.em, async (em) => {
      const user = await em.findOneOrFail(User, { id: userId });
      if (user.mfaEnabledAt) throw MfaErrors.alreadyEnabled();
      const secret = newTotpSecret();
      user.mfaPendingSecretCiphertext = this.secretBox.seal(secret);
      await em.flush();
      return { secret, otpauthUrl: otpauthUrl(secret, user.email, ISSUER) };
    });
  }

  async confirm(userId: string, code: string, now = new Date()): Promise<{ recoveryCodes: string[] }> {
    return inTransaction(this.em, async (em) => {
      const user = await em.findOneOrFail(User, { id: userId }, { populate: ['mfaPendingSecretCiphertext'] });
      if (user.mfaEnabledAt) throw MfaErrors.alreadyEnabled();
      if (!user.mfaPendingSecretCiphertext) throw MfaErrors.notStarted();
      const step = acceptedStep(this.secretBox.open(user.mfaPendingSecretCiphertext), code, now, null);
      if (step === null) throw MfaErrors.invalidCode();
      const recoveryCodes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
      user.mfaSecretCiphertext = user.mfaPendingSecretCiphertext;
      user.mfaPendingSecretCiphertext = null;
      user.mfaEnabledAt = now;
      user.mfaLastStep = step;
      await em.nativeDelete(RecoveryCode, { user: userId });
      for (const recoveryCode of recoveryCodes) em.persist(em.create(RecoveryCode, { user, codeHash: tokenHash(normalizeRecoveryCode(recoveryCode)) }));
      await em.flush();
      return { recoveryCodes };
    });
  }

  async disable(userId: string, factor: SecondFactor): Promise<void> {
    await inTransaction(this.em, async (em) => {
      const user = await em.findOneOrFail(User, { id: userId });
      if (!user.mfaEnabledAt) throw MfaErrors.notEnabled();
      if (!(await this.verify(userId, factor))) throw MfaErrors.invalidCode();
      await em.nativeUpdate(User, { id: userId }, { mfaSecretCiphertext: null, mfaPendingSecretCiphertext: null, mfaEnabledAt: null, mfaLastStep: null });
      await em.nativeDelete(RecoveryCode, { user: userId });
    });
  }

  /** Whether the user's second factor is proven, spending the code or recovery code that proved it. */
  async verify(userId: string, factor: SecondFactor, now = new Date()): Promise<boolean> {
    const em = this.em.getContext();
    if (factor.recoveryCode) {
      const claimed = await em.nativeUpdate(RecoveryCode, { user: userId, codeHash: tokenHash(normalizeRecoveryCode(factor.recoveryCode)), usedAt: null }, { usedAt: now });
      return claimed > 0;
    }
    if (!factor.code) return false;
    const user = await em.findOne(User, { id: userId, mfaEnabledAt: { $ne: null } }, { populate: ['mfaSecretCiphertext'] });
    if (!user?.mfaSecretCiphertext) return false;
    const step = acceptedStep(this.secretBox.open(user.mfaSecretCiphertext), factor.code, now, user.mfaLastStep ?? null);
    if (step === null) return false;
    // Of two logins with one code at once, only one records its step.
    const recorded = await em.nativeUpdate(User, { id: userId, $or: [{ mfaLastStep: null }, { mfaLastStep: { $lt: step } }] }, { mfaLastStep: step });
    return recorded > 0;
  }
}
