import { httpStatusOf } from '../../common/problem.filter';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { getQueueToken } from '@nestjs/bull';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef, type AbstractHttpAdapter } from '@nestjs/core';
import type AdminJS from 'adminjs';
import type { Queue } from 'bull';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import express, { type Application, type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import formidable from 'express-formidable';
import { InvoiceDocumentStatus } from '../../billing/invoices/invoice-document.entity';
import { InvoiceDeliveryService } from '../../billing/invoices/invoice-delivery.service';
import { TRUSTED_PROXIES } from '../../config/http';
import { DomainError } from '../../common/domain-error';
import { isUuid } from '../../common/uuid-param';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { QUEUE_NAMES } from '../../queue/queue-names';
import { BackofficeChanges } from '../backoffice-changes.service';
import { runAsStaff, StaffActor } from '../staff-actor';
import { StaffAuthService } from '../staff-auth.service';
import { LOGIN_PATH } from './admin-options';
import { loadAdminJs, releaseAdminJsEnvironment } from './adminjs-lib';
import { localFonts } from './local-fonts';
import { backofficeSecurity } from './backoffice-security';
import { SESSION_COOKIE, SessionStore, createSessionStore } from './backoffice-session';
import { queueDashboard } from './queue-dashboard';
import { ROOT_PATH, resourceUrl } from './resources/common';

// Where a fresh login and /admin land.
const HOME = resourceUrl('Organization');
// No uploads anywhere in the back-office: small forms only.
const FORM_LIMITS = { maxFields: 500, maxFieldsSize: 1024 * 1024, maxFileSize: 1 };
const LOGIN_FORM_LIMITS = { maxFields: 10, maxFieldsSize: 16 * 1024, maxFileSize: 1 };

/**
 * Mounts the back-office at /admin (used by @adminjs/nestjs as its loader instead of its own
 * ExpressLoader, whose in-memory login retry counter, session without regeneration and missing CSRF
 * check do not fit here). In order:
 *   security headers and CSRF check → PostgreSQL session → login / logout (the login throttled like
 *   the API's) → staff check on every other request except AdminJS's static bundles (anonymous:
 *   redirect to the login page) → form parsing → request context (MikroORM, staff actor) →
 *   Bull Board at /admin/queues, invoice PDFs, AdminJS.
 * Middleware-mounted like this, none of it passes Nest's guards; the staff check is its own.
 */
@Injectable()
export class BackofficeLoader implements OnApplicationShutdown {
  private readonly logger = new Logger('Backoffice');
  private sessions?: SessionStore;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly orm: MikroORM,
    private readonly staffAuth: StaffAuthService,
    private readonly changes: BackofficeChanges,
    private readonly invoices: InvoiceDeliveryService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async register(admin: AdminJS, httpAdapter: AbstractHttpAdapter): Promise<void> {
    const { express: AdminJSExpress, core } = await loadAdminJs();
    const AdminJSRoutes = core.Router;
    const queues = QUEUE_NAMES.map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    const publicAssets = new Set([...AdminJSRoutes.assets.map((asset) => asset.path), '/frontend/assets/components.bundle.js']);
    this.sessions = createSessionStore(this.config, ROOT_PATH, (message) => this.logger.warn(message));

    const router = express.Router();
    router.use(backofficeSecurity(this.config.publicUrl));
    localFonts(router, ROOT_PATH);
    router.use(this.sessions.middleware);
    // AdminJS asks for the bundle of custom components; there are none to bundle.
    router.get('/frontend/assets/components.bundle.js', (_req, res) => {
      res.type('text/javascript').send('/* partnerhub: no custom AdminJS components */\n');
    });
    router.get('/login', async (_req, res) => {
      res.send(await admin.renderLogin({ action: LOGIN_PATH, errorMessage: null }));
    });
    router.post('/login', formidable(LOGIN_FORM_LIMITS), this.login(admin));
    router.get('/logout', (req, res, next) => {
      req.session.destroy((error) => {
        if (error) return next(error);
        res.clearCookie(SESSION_COOKIE, { path: ROOT_PATH });
        res.redirect(LOGIN_PATH);
      });
    });
    router.use(this.requireStaff(publicAssets));
    router.use(formidable(FORM_LIMITS));
    router.use((_req, res, next) => {
      const staff = res.locals.staff as StaffActor | undefined;
      if (!staff) return next(); // a public asset
      runAsStaff(staff, () => RequestContext.create(this.orm.em, next));
    });
    router.use('/queues', queueDashboard(queues, `${ROOT_PATH}/queues`, (req, status) => this.auditQueueWrite(req, status)));
    router.get('/invoices/:invoiceId/pdf', this.invoicePdf());
    // AdminJS's default dashboard is a tour for developers (replacing it needs a bundled custom component).
    router.get('/', (_req, res) => res.redirect(HOME));
    // AdminJS answers an unknown resource id with a plain Error (a 500); it is a 404.
    router.use(['/api/resources/:resourceId', '/resources/:resourceId'], (req, res, next) => {
      const known = admin.resources.some((resource) => (resource._decorated?.id() ?? resource.id()) === req.params.resourceId);
      if (known) return next();
      res.status(404).type('text/plain').send('There is no such resource in the back-office.');
    });
    AdminJSExpress.buildRouter(admin, router, FORM_LIMITS);
    router.use(this.errors());

    const app = express();
    app.disable('x-powered-by');
    app.set('trust proxy', TRUSTED_PROXIES);
    app.use(ROOT_PATH, router);
    routeToBackoffice(httpAdapter.getHttpServer() as Server, app);
    releaseAdminJsEnvironment();
    this.logger.log(`back-office mounted at ${ROOT_PATH}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sessions?.close();
  }

  /** Staff credentials only; a new session id on login (no fixation). Failures render the form with 401 or 429. */
  private login(admin: AdminJS): RequestHandler {
    return async (req, res, next) => {
      const fields = (req as Request & { fields?: Record<string, unknown> }).fields ?? {};
      try {
        const staff = await this.staffAuth.login(fields.email, fields.password, req.ip ?? '');
        req.session.regenerate((error) => {
          if (error) return next(error);
          req.session.adminUser = { id: staff.id, email: staff.email, title: staff.email };
          req.session.save((saveError) => (saveError ? next(saveError) : res.redirect(302, HOME)));
        });
      } catch (error) {
        if (!(error instanceof DomainError)) return next(error);
        const tooMany = error.kind === 'rate-limited';
        if (tooMany) res.setHeader('Retry-After', String(error.extensions.retryAfter ?? this.config.auth.loginLockSeconds));
        res.status(httpStatusOf(error)).send(await admin.renderLogin({ action: LOGIN_PATH, errorMessage: tooMany ? 'tooManyRequests' : 'invalidCredentials' }));
      }
    };
  }

  /** Every request but AdminJS's static bundles needs a session whose staff login still exists. */
  private requireStaff(publicAssets: Set<string>): RequestHandler {
    return async (req, res, next) => {
      if ((req.method === 'GET' || req.method === 'HEAD') && publicAssets.has(req.path)) return next();
      const sessionUser = req.session.adminUser;
      const staff = sessionUser ? await this.staffAuth.find(sessionUser.id) : null;
      if (staff) {
        res.locals.staff = { ...staff, ip: req.ip } satisfies StaffActor;
        return next();
      }
      if (!sessionUser) return res.redirect(LOGIN_PATH);
      req.session.destroy(() => res.redirect(LOGIN_PATH));
    };
  }

  private invoicePdf(): RequestHandler {
    return async (req, res) => {
      const invoiceId = String(req.params.invoiceId);
      const pdf = isUuid(invoiceId) ? await this.invoices.pdf(invoiceId).catch(notFoundAsNull) : null;
      if (!pdf) return void res.status(404).type('text/plain').send('There is no such invoice.');
      if (pdf.status !== InvoiceDocumentStatus.Rendered) {
        return void res.status(409).type('text/plain').send(`The PDF of invoice ${pdf.number} is not rendered yet (${pdf.status}).`);
      }
      res.setHeader('Content-Disposition', `attachment; filename="${pdf.fileName}"`);
      res.type('application/pdf').send(pdf.content);
    };
  }

  private auditQueueWrite(req: Request, status: number): void {
    const staff = req.res?.locals.staff as StaffActor | undefined;
    if (!staff) return;
    this.changes
      .recordQueueOperation(staff, { method: req.method, path: `${ROOT_PATH}/queues${req.path}`, status })
      .catch((error: unknown) => this.logger.error(`audit of a queue operation failed: ${(error as Error).message}`));
  }

  private errors(): ErrorRequestHandler {
    return (error: Error, req, res, next) => {
      this.logger.error(`${req.method} ${req.originalUrl} failed: ${error.stack ?? error.message}`);
      if (res.headersSent) return next(error);
      const tooLarge = /maxFileSize|maxFieldsSize|maxFields/.test(error.message);
      res.status(tooLarge ? 413 : 500).type('text/plain').send(tooLarge ? 'The form is too large.' : 'The back-office failed on this request; see the server log.');
    };
  }
}

function notFoundAsNull(error: unknown): null {
  if (error instanceof DomainError && error.kind === 'not-found') return null;
  throw error;
}

/**
 * The back-office is an Express app (AdminJS and Bull Board are Express middleware) beside the
 * Fastify API on the same HTTP server: requests under /admin go to it, all others to Fastify.
 * Fastify attached its handler when it created the server, before this runs (and before listen).
 */
function routeToBackoffice(server: Server, backoffice: Application): void {
  const listeners = server.listeners('request') as RequestListener[];
  if (listeners.length !== 1) throw new Error(`expected one request listener (Fastify's), found ${listeners.length}`);
  const [api] = listeners;
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const url = request.url ?? '/';
    const backofficeRequest = url.startsWith(ROOT_PATH) && (url.length === ROOT_PATH.length || '/?'.includes(url[ROOT_PATH.length]));
    return backofficeRequest ? backoffice(request, response) : api(request, response);
  });
}
