import { MikroORM } from '@mikro-orm/core';
import { DynamicModule } from '@nestjs/common';
import { InvoiceDeliveryService } from '../billing/invoices/invoice-delivery.service';
import { adminJsOptions } from './adminjs/admin-options';
import { loadAdminJs } from './adminjs/adminjs-lib';
import { BackofficeLoader } from './adminjs/backoffice.loader';
import { createResourceClass } from './adminjs/backoffice-resource';
import { BackofficeChanges } from './backoffice-changes.service';
import { BackofficeModule } from './backoffice.module';

/**
 * The AdminJS back-office at /admin, mounted through @adminjs/nestjs with the MikroORM adapter.
 * AdminJS is ESM only, so this module exists only as the promise of a dynamic module built after
 * import(); the HTTP entry point (main.ts) asks for it, Jest-booted apps and workers never load it.
 */
export async function createBackofficeAdminModule(): Promise<DynamicModule> {
  const adminjs = await loadAdminJs();
  adminjs.AdminJS.registerAdapter({ Database: adminjs.mikroOrm.Database, Resource: createResourceClass(adminjs) });
  return adminjs.nest.AdminModule.createAdminAsync({
    imports: [BackofficeModule],
    inject: [MikroORM, BackofficeChanges, InvoiceDeliveryService],
    useFactory: (orm: MikroORM, changes: BackofficeChanges, invoices: InvoiceDeliveryService) => ({
      adminJsOptions: adminJsOptions({ orm, changes, invoices }),
    }),
    customLoader: BackofficeLoader,
  });
}
