import { AsyncLocalStorage } from 'node:async_hooks';
import { Actor } from '../audit/actor';

/** The logged-in staff member behind a back-office request, checked against staff_user on every request. */
export interface StaffActor {
  id: string;
  email: string;
  ip?: string;
}

const currentStaff = new AsyncLocalStorage<StaffActor>();

/** Runs the rest of an authenticated back-office request as `actor`. */
export function runAsStaff<T>(actor: StaffActor, work: () => T): T {
  return currentStaff.run(actor, work);
}

/** The staff member of the current back-office request; there is none outside an authenticated one. */
export function requireStaff(): StaffActor {
  const actor = currentStaff.getStore();
  if (!actor) throw new Error('No authenticated staff member in this back-office request');
  return actor;
}

export const staffAuditActor = (actor: StaffActor): Actor => ({ type: 'staff', id: actor.id, email: actor.email, viaPartner: false, ip: actor.ip });
