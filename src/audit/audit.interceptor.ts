import { EntityManager } from '@mikro-orm/postgresql';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Observable, from, lastValueFrom } from 'rxjs';
import { AppRequest } from '../authz/caller';
import { AuditService } from './audit.service';
import { AUDIT_KEY, AuditSpec } from './audit-spec';

@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<AuditSpec | undefined>(AUDIT_KEY, context.getHandler());
    if (!spec) throw new Error(`${context.getClass().name}.${context.getHandler().name} has the audit interceptor without @Audited`);
    const request = context.switchToHttp().getRequest<AppRequest>();

    return from(
      this.em.transactional(async () => {
        const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
        if (request.auditSkipped) return result; // e.g. an idempotent replay: nothing changed
        const body = (result ?? {}) as { id?: unknown; userId?: unknown };
        const organizationId = spec.organizationFromResult ? String(body.id) : request.orgAccess?.organizationId;
        if (!organizationId || !request.user) throw new Error(`Audited route ${spec.action} has no organization or actor`);
        const targetId = spec.targetParam
          ? request.params[spec.targetParam]
          : spec.targetResultPath
            ? spec.targetResultPath.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], result)
            : (body.id ?? body.userId);
        await this.audit.record({
          organizationId,
          actor: { type: 'user', id: request.user.id, email: request.user.email, viaPartner: request.orgAccess?.viaPartner ?? false },
          action: spec.action,
          target: { type: spec.targetType, id: typeof targetId === 'string' ? targetId : undefined },
          ip: request.ip,
        });
        return result;
      }),
    );
  }
}
