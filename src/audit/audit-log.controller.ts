import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CheckAbility } from '../authz/policy.decorators';
import { ApiOrgProblems } from '../common/api-problems.decorator';
import { OrganizationId } from '../common/organization-id';
import { OrgIdParam } from '../common/uuid-param';
import { PageQueryDto } from '../common/pagination';
import { AuditService } from './audit.service';

class AuditActorDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  id: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'A person’s e-mail, or the operator command or job that made the change; null for API keys.' })
  email: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'The API key’s name (type apiKey); null otherwise.' })
  name: string | null;

  @ApiProperty({ enum: ['user', 'staff', 'system', 'apiKey'] })
  type: string;

  @ApiProperty({ description: 'The actor acted through the partner organization.' })
  viaPartner: boolean;
}

class AuditTargetDto {
  @ApiProperty({ example: 'host' })
  type: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  id: string | null;
}

class AuditLogItemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ type: AuditActorDto })
  actor: AuditActorDto;

  @ApiProperty({ example: 'host.create' })
  action: string;

  @ApiProperty({ type: AuditTargetDto })
  target: AuditTargetDto;

  @ApiProperty({ nullable: true, type: String })
  ip: string | null;
}

class AuditLogPageDto {
  @ApiProperty({ type: [AuditLogItemDto] })
  items: AuditLogItemDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

@ApiTags('audit log')
@Controller('organizations/:orgId/audit-log')
export class AuditLogController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @CheckAbility('read', 'AuditLog')
  @ApiOperation({ operationId: 'listAuditLog', summary: 'Changes made in this organization, newest first (admins of it and its partner’s admins)' })
  @ApiOkResponse({ type: AuditLogPageDto })
  @ApiOrgProblems()
  list(@OrgIdParam() orgId: OrganizationId, @Query() query: PageQueryDto): Promise<AuditLogPageDto> {
    return this.audit.list(orgId, query.limit, query.cursor);
  }
}
