import { ExecutionContext, SetMetadata, applyDecorators } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ApiBearerAuth } from '@nestjs/swagger';
import { Action, Subject } from './permission-table';

export const POLICY_KEY = 'partnerhub:policy';

export type Policy =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'org'; action: Action; subject: Subject; orgParam: string };

/** No token needed. */
export const Public = () => SetMetadata(POLICY_KEY, { kind: 'public' } satisfies Policy);

/** Any logged-in user; the handler scopes what it returns to that user. */
export const Authenticated = () =>
  applyDecorators(SetMetadata(POLICY_KEY, { kind: 'authenticated' } satisfies Policy), ApiBearerAuth());

/**
 * The caller must be able to `action` a `subject` in the organization named by
 * the `:orgId` route parameter: 404 when the organization is invisible to them,
 * 403 when their role does not allow it.
 */
export const CheckAbility = (action: Action, subject: Subject, orgParam = 'orgId') =>
  applyDecorators(SetMetadata(POLICY_KEY, { kind: 'org', action, subject, orgParam } satisfies Policy), ApiBearerAuth());

export const PEOPLE_ONLY = 'partnerhub:people-only';

/** An organization route a person must call, not an API key (managing API keys and webhooks). */
export const PeopleOnly = () => SetMetadata(PEOPLE_ONLY, true);

/**
 * Whether an API key may call the route: organization routes only (not /me, /auth/*, creating
 * organizations), and not those marked @PeopleOnly().
 */
export function apiKeysMayCall(reflector: Reflector, context: ExecutionContext, policy: Policy): boolean {
  return policy.kind === 'org' && !reflector.getAllAndOverride<boolean>(PEOPLE_ONLY, [context.getHandler(), context.getClass()]);
}

export const ALLOWED_WHILE_PASSWORD_CHANGE_PENDING = 'partnerhub:allow-password-change-pending';

/** Routes a user with a temporary password may still call (to see who they are and change it). */
export const AllowWhilePasswordChangePending = () => SetMetadata(ALLOWED_WHILE_PASSWORD_CHANGE_PENDING, true);

export function policyOf(reflector: Reflector, context: ExecutionContext): Policy | undefined {
  return reflector.getAllAndOverride<Policy>(POLICY_KEY, [context.getHandler(), context.getClass()]);
}
