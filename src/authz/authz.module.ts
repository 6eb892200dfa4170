import { Global, Module } from '@nestjs/common';
import { OrgAccessRepository } from './org-access.repository';
import { OrgAccessService } from './org-access.service';
import { PermissionsController } from './permissions.controller';

@Global()
@Module({
  controllers: [PermissionsController],
  providers: [OrgAccessService, OrgAccessRepository],
  exports: [OrgAccessService],
})
export class AuthzModule {}
