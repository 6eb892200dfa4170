import { SetMetadata } from '@nestjs/common';

export const AUDIT_KEY = 'partnerhub:audit';

export interface AuditSpec {
  action: string;
  targetType: string;
  /** Route parameter holding the target id; else `targetResultPath` or the response's `id` or `userId`. */
  targetParam?: string;
  /** Dotted path to the target id in the response, e.g. `subscription.id`. */
  targetResultPath?: string;
  /** The organization is the one the handler created (its id is in the response). */
  organizationFromResult?: boolean;
}

/**
 * Marks a mutating organization route: the handler runs in one transaction
 * together with the audit entry it writes, so an entry exists exactly when the
 * change does.
 */
export const Audited = (action: string, targetType: string, options: Omit<AuditSpec, 'action' | 'targetType'> = {}) =>
  SetMetadata(AUDIT_KEY, { action, targetType, ...options } satisfies AuditSpec);
