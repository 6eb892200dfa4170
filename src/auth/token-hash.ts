import { createHash } from 'node:crypto';

/** How single-use secrets (refresh, reset and recovery tokens) are stored: their SHA-256, base64url. */
export const tokenHash = (value: string): string => createHash('sha256').update(value).digest('base64url');
