import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { AppRequest } from '../authz/caller';

export type ActorType = 'user' | 'staff' | 'system' | 'apiKey';

/** Who makes a change, as its audit entry names them. */
export interface Actor {
  type: ActorType;
  id?: string;
  /** People's e-mail, or the name of an operator command or job; API keys have a name instead. */
  email?: string;
  name?: string;
  /** A user acting in a customer organization through its partner. */
  viaPartner: boolean;
  ip?: string;
}

/** A user calling the API. */
export type UserActor = Actor & { type: 'user'; id: string; email: string };

/** Changes made by an operator command or a job: named by what made them. */
export const systemActor = (name: string): Actor => ({ type: 'system', email: name, viaPartner: false });

/** The caller of an API route, a person or an API key, as a change's actor (its access to the route's organization decides `viaPartner`). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<AppRequest>();
  const viaPartner = request.orgAccess?.viaPartner ?? false;
  if (request.apiKey) return { type: 'apiKey', id: request.apiKey.id, name: request.apiKey.name, viaPartner, ip: request.ip };
  return userActorOf(request);
});

/** The person calling a route no API key may call (see `apiKeysMayCall`). */
export const CurrentUserActor = createParamDecorator((_data: unknown, context: ExecutionContext): UserActor => userActorOf(context.switchToHttp().getRequest<AppRequest>()));

function userActorOf(request: AppRequest): UserActor {
  if (!request.user) throw new Error('A user actor asked for on a route without a logged-in user');
  return { type: 'user', id: request.user.id, email: request.user.email, viaPartner: request.orgAccess?.viaPartner ?? false, ip: request.ip };
}
