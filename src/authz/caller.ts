import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AppAbility } from './ability.factory';
import type { OrgAccess } from './permission-table';

/** The caller as proven by the access token. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  /** Refresh-token family the access token was minted from. */
  sessionId: string;
  mustChangePassword: boolean;
  /** When the access token that proved this user expires (seconds since the epoch). */
  tokenExpiresAt: number;
}

/** The caller as proven by an API key (`Authorization: Bearer phk_…`). */
export interface ApiKeyCaller {
  id: string;
  name: string;
  /** The organization owning the key. */
  organizationId: string;
  /** What the key is in the route's organization; null when that organization is not within its reach. */
  access: OrgAccess | null;
}

export type AppRequest = FastifyRequest<{ Params: Record<string, string | undefined> }> & {
  user?: AuthenticatedUser;
  apiKey?: ApiKeyCaller;
  orgAccess?: OrgAccess;
  ability?: AppAbility;
};

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<AppRequest>().user;
  if (!user) throw new Error('CurrentUser used on a route without authentication');
  return user;
});

/** The caller's access to the route's organization, resolved by the policy guard. */
export const CurrentAccess = createParamDecorator((_data: unknown, context: ExecutionContext): OrgAccess => {
  const access = context.switchToHttp().getRequest<AppRequest>().orgAccess;
  if (!access) throw new Error('CurrentAccess used on a route without an organization policy');
  return access;
});
