import { API_KEY_PREFIX, apiKeyHash, isWellFormedApiKey, newApiKeyToken } from './api-key-token';

describe('API key tokens', () => {
  it('are phk_, 36 base62 characters with a checksum, shown by their start, stored as a SHA-256', () => {
    const { token, shown, hash } = newApiKeyToken();
    expect(token).toMatch(/^phk_[0-9A-Za-z]{36}$/);
    expect(isWellFormedApiKey(token)).toBe(true);
    expect(token.startsWith(shown)).toBe(true);
    expect(shown).toHaveLength(12);
    expect(hash).toBe(apiKeyHash(token));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differ each time', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newApiKeyToken().token));
    expect(tokens.size).toBe(1000);
  });

  it('refuse a changed character, a wrong length, another prefix or other characters', () => {
    const { token } = newApiKeyToken();
    const changedAt = (index: number) => token.slice(0, index) + (token[index] === 'a' ? 'b' : 'a') + token.slice(index + 1);
    for (const index of [API_KEY_PREFIX.length, 20, token.length - 1]) expect(isWellFormedApiKey(changedAt(index))).toBe(false);
    expect(isWellFormedApiKey(token.slice(0, -1))).toBe(false);
    expect(isWellFormedApiKey(`${token}0`)).toBe(false);
    expect(isWellFormedApiKey(`phx_${token.slice(4)}`)).toBe(false);
    expect(isWellFormedApiKey(`${token.slice(0, 10)}-${token.slice(11)}`)).toBe(false);
  });
});
