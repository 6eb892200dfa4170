import { createHash, randomInt } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * API key tokens: `phk_`, 30 random base62 characters (178 bits), then 6 base62 characters of
 * the CRC-32 of the random part. The fixed prefix and the checksum let secret scanners (GitHub,
 * GitGuardian, trufflehog) recognise a leaked key without a call to us, and let us refuse a
 * mistyped or made-up key before any database lookup. Only the SHA-256 of the whole token is
 * stored: a key is as random as a hash input needs to be, so a slow password hash would only
 * slow every request.
 */
export const API_KEY_PREFIX = 'phk_';
const RANDOM_LENGTH = 30;
const CHECKSUM_LENGTH = 6;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const TOKEN_PATTERN = new RegExp(`^${API_KEY_PREFIX}[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}$`);
/** How much of a key the list shows to tell keys apart: the prefix and the first 8 random characters. */
const SHOWN_LENGTH = API_KEY_PREFIX.length + 8;

export interface NewApiKeyToken {
  token: string;
  /** The start of the token, shown in lists. */
  shown: string;
  hash: string;
}

export function newApiKeyToken(): NewApiKeyToken {
  const random = Array.from({ length: RANDOM_LENGTH }, () => BASE62[randomInt(BASE62.length)]).join('');
  const token = `${API_KEY_PREFIX}${random}${checksumOf(random)}`;
  return { token, shown: token.slice(0, SHOWN_LENGTH), hash: apiKeyHash(token) };
}

export const looksLikeApiKey = (token: string): boolean => token.startsWith(API_KEY_PREFIX);

/** The format and the checksum hold; says nothing about whether the key exists. */
export function isWellFormedApiKey(token: string): boolean {
  if (!TOKEN_PATTERN.test(token)) return false;
  const random = token.slice(API_KEY_PREFIX.length, API_KEY_PREFIX.length + RANDOM_LENGTH);
  return token.slice(API_KEY_PREFIX.length + RANDOM_LENGTH) === checksumOf(random);
}

export const apiKeyHash = (token: string): string => createHash('sha256').update(token).digest('hex');

function checksumOf(random: string): string {
  let value = crc32(random);
  let encoded = '';
  for (let index = 0; index < CHECKSUM_LENGTH; index++) {
    encoded = BASE62[value % 62] + encoded;
    value = Math.floor(value / 62);
  }
  return encoded;
}
