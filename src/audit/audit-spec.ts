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
