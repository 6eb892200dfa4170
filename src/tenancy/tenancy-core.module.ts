import { Global, Module } from '@nestjs/common';
import { OrganizationCleanupRegistry } from './organization-cleanup.registry';

/** What other modules need of tenancy without depending on its services: the cleanup registry. */
@Global()
@Module({ providers: [OrganizationCleanupRegistry], exports: [OrganizationCleanupRegistry] })
export class TenancyCoreModule {}
