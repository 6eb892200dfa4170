export interface AccessTokenClaims {
  sub: string;
  email: string;
  sid: string;
  mcp: boolean;
  /** Set by the signer from the access-token lifetime. */
  exp?: number;
}

/** Who issues access tokens and for whom: signed into every token, checked on every one. */
export const ACCESS_TOKEN_ISSUER = 'partnerhub';
export const ACCESS_TOKEN_AUDIENCE = 'partnerhub-api';
