import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type { RequestHandler } from 'express';
import { Pool } from 'pg';
import { AppConfig } from '../../config/app-config';

export const SESSION_COOKIE = 'partnerhub_admin';
export const SESSION_TABLE = 'admin_session';

declare module 'express-session' {
  interface SessionData {
    /** AdminJS's name for the logged-in user (its router hands it to the controllers as currentAdmin). */
    adminUser: { id: string; email: string; title: string };
  }
}

export interface SessionStore {
  middleware: RequestHandler;
  close(): Promise<void>;
}

/**
 * Sessions in PostgreSQL (the admin_session table, created by a migration), never in process memory:
 * any API replica serves any staff request, and a restart logs nobody out. Idle sessions expire
 * after ADMIN_SESSION_TTL_SECONDS (every request renews the cookie and the row); expired rows are
 * pruned every 15 minutes. Nothing is stored for anonymous visitors.
 */
export function createSessionStore(config: AppConfig, cookiePath: string, onError: (message: string) => void): SessionStore {
  const pool = new Pool({ connectionString: config.databaseUrl, max: 4 });
  pool.on('error', (error) => onError(`session pool: ${error.message}`));
  const PgStore = connectPgSimple(session);
  const store = new PgStore({
    pool,
    tableName: SESSION_TABLE,
    createTableIfMissing: false,
    pruneSessionInterval: 15 * 60,
    errorLog: (...args: unknown[]) => onError(args.map(String).join(' ')),
  });
  const middleware = session({
    store,
    name: SESSION_COOKIE,
    secret: config.admin.sessionSecret,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: {
      path: cookiePath,
      httpOnly: true,
      sameSite: 'strict',
      secure: config.admin.cookieSecure,
      maxAge: config.admin.sessionTtlSeconds * 1000,
    },
  });
  return {
    middleware,
    close: async () => {
      await store.close();
      await pool.end();
    },
  };
}
