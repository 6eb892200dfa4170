import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bull';
import { Router, type Request } from 'express';

// The only writes staff may make here: retrying one failed job, or all failed jobs of a queue.
const ALLOWED_WRITES = [/^\/api\/queues\/[^/]+\/[^/]+\/retry$/, /^\/api\/queues\/[^/]+\/retry\/failed$/];

/**
 * Bull Board for the application's queues, mounted inside the back-office router behind the staff
 * session. Reading is free; of Bull Board's operations only retrying failed jobs is let through
 * (no adding, editing, cleaning, pausing or emptying), and each retry is reported to `onWrite` once
 * it has succeeded, for the audit log.
 */
export function queueDashboard(queues: Queue[], basePath: string, onWrite: (req: Request, status: number) => void): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: queues.map((queue) => new BullAdapter(queue, { allowRetries: true })),
    // @bull-board/express 9.10.1 brings its own @bull-board/api 9.10.1; the top-level 9.10.2 differs from it in a
    // page-size cap, not in the server-adapter contract, but TypeScript sees two unrelated declarations.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'partnerhub queues' } },
  });

  const router = Router();
  router.use((req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    if (req.method !== 'PUT' || !ALLOWED_WRITES.some((pattern) => pattern.test(req.path))) {
      res.status(403).json({ error: 'Only retrying failed jobs is allowed from the back-office.' });
      return;
    }
    res.on('finish', () => {
      if (res.statusCode < 400) onWrite(req, res.statusCode);
    });
    next();
  });
  router.use(serverAdapter.getRouter());
  return router;
}
