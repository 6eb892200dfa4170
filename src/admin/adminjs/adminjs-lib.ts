import type * as AdminJsCore from 'adminjs';
import type * as AdminJsExpress from '@adminjs/express';
import type * as AdminJsMikroOrm from '@adminjs/mikroorm';
import type * as AdminJsNest from '@adminjs/nestjs';

/** The AdminJS packages, which are ESM only and therefore loaded with import() (see STACK.md). */
export interface AdminJsLib {
  core: typeof AdminJsCore;
  AdminJS: typeof AdminJsCore.default;
  nest: typeof AdminJsNest;
  express: typeof AdminJsExpress.default;
  mikroOrm: typeof AdminJsMikroOrm;
}

let saved: { nodeEnv?: string; skipBundle?: string } | undefined;
let loaded: Promise<AdminJsLib> | undefined;

/**
 * Loads AdminJS in production mode without a bundling step. AdminJS reads NODE_ENV when its modules
 * load and again while it starts (watch(), initialize()): anything but `production` makes it bundle
 * and watch sources into .adminjs/ and serve the 5–12 MB development assets. There are no custom
 * components, so the prebuilt bundles are all it needs. The previous values come back with
 * `releaseAdminJsEnvironment()` once the back-office is mounted, so the rest of the process keeps
 * its own NODE_ENV. The packages are imported once; every call sets the environment again.
 */
export async function loadAdminJs(): Promise<AdminJsLib> {
  saved ??= { nodeEnv: process.env.NODE_ENV, skipBundle: process.env.ADMIN_JS_SKIP_BUNDLE };
  process.env.NODE_ENV = 'production';
  process.env.ADMIN_JS_SKIP_BUNDLE = 'true';
  loaded ??= importAdminJs().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

async function importAdminJs(): Promise<AdminJsLib> {
  const [core, nest, express, mikroOrm] = await Promise.all([
    import('adminjs'),
    import('@adminjs/nestjs'),
    import('@adminjs/express'),
    import('@adminjs/mikroorm'),
  ]);
  return { core, AdminJS: core.default, nest, express: express.default, mikroOrm };
}

export function releaseAdminJsEnvironment(): void {
  if (!saved) return;
  restore('NODE_ENV', saved.nodeEnv);
  restore('ADMIN_JS_SKIP_BUNDLE', saved.skipBundle);
  saved = undefined;
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
