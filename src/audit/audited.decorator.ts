import { SetMetadata, UseInterceptors, applyDecorators } from '@nestjs/common';
import { AuditSpec, AUDIT_KEY } from './audit-spec';
import { AuditInterceptor } from './audit.interceptor';

export { AUDIT_KEY, type AuditSpec } from './audit-spec';

/**
 * Marks a mutating organization route: the handler runs in one transaction
 * together with the audit entry it writes, so an entry exists exactly when the
 * change does. Only these routes get the interceptor; reads pass without one.
 */
export const Audited = (action: string, targetType: string, options: Omit<AuditSpec, 'action' | 'targetType'> = {}) =>
  applyDecorators(SetMetadata(AUDIT_KEY, { action, targetType, ...options } satisfies AuditSpec), UseInterceptors(AuditInterceptor));
