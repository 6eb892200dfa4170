import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

@Injectable()
export class PasswordHasher {
  // Verified against when the e-mail is unknown, so both failures take the same time.
  private readonly decoyHash = argon2.hash(randomBytes(16).toString('hex'), { type: argon2.argon2id });

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash ?? (await this.decoyHash), password);
    } catch {
      return false;
    }
  }

  /** A temporary password for invitations: 20 characters from a URL-safe alphabet (120 bits). */
  generateTemporary(): string {
    return randomBytes(15).toString('base64url');
  }
}
