import { Global, Module } from '@nestjs/common';
import { OrgAccessService } from './org-access.service';
import { PermissionsController } from './permissions.controller';

@Global()
@Module({
  controllers: [PermissionsController],
  providers: [OrgAccessService],
  exports: [OrgAccessService],
})
export class AuthzModule {}
