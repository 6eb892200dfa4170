import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { AppRequest } from '../authz/caller';

/** Who makes a change, as its audit entry names them. */
export interface Actor {
  type: 'user' | 'staff' | 'system';
  id?: string;
  email: string;
  /** A user acting in a customer organization through its partner. */
  viaPartner: boolean;
  ip?: string;
}

/** A user calling the API. */
export type UserActor = Actor & { type: 'user'; id: string };

/** Changes made by an operator command or a job: named by what made them. */
export const systemActor = (name: string): Actor => ({ type: 'system', email: name, viaPartner: false });

/** The caller of an API route as a change's actor (its access to the route's organization decides `viaPartner`). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): UserActor => {
  const request = context.switchToHttp().getRequest<AppRequest>();
  if (!request.user) throw new Error('CurrentActor used on a route without authentication');
  return { type: 'user', id: request.user.id, email: request.user.email, viaPartner: request.orgAccess?.viaPartner ?? false, ip: request.ip };
});
