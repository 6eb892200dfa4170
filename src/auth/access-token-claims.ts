export interface AccessTokenClaims {
  sub: string;
  email: string;
  sid: string;
  mcp: boolean;
  /** Set by the signer from the access-token lifetime. */
  exp?: number;
}
