import type { Request, RequestHandler } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// AdminJS's and Bull Board's JSON APIs. AdminJS calls some state-changing record actions with GET.
const API_PATH = /^\/(api|queues\/api)\//;
// Static bundles may be cached; pages and API answers carry data and may not.
const STATIC_PATH = /^\/(frontend\/assets|queues\/static)\//;

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** The origin the browser says the request comes from: Origin, else the Referer's origin. */
function claimedOrigin(req: Request): string | undefined {
  const origin = req.get('origin');
  return origin && origin !== 'null' ? origin : originOf(req.get('referer'));
}

/**
 * CSRF and framing protection for everything under /admin, in front of the session:
 * - a state-changing method (POST, PUT, PATCH, DELETE: forms, AdminJS and Bull Board API calls,
 *   the login form itself) must come from the back-office's own origin (`PUBLIC_URL` or the host it
 *   was requested at), as its Origin or Referer header says; without either it is refused;
 * - an API call with GET (AdminJS runs record actions that way) is refused when the browser marks it
 *   as cross-site or same-site (Sec-Fetch-Site), so another page cannot trigger one;
 * - nothing may frame the back-office, and fonts load only from it.
 * The session cookie is SameSite=Strict on top of this.
 */
export function backofficeSecurity(publicUrl: string): RequestHandler {
  const publicOrigin = new URL(publicUrl).origin;
  return (req, res, next) => {
    res.setHeader('X-Frame-Options', 'DENY');
    // Fonts come from the back-office itself (local-fonts.ts), never from a third party.
    res.setHeader('Content-Security-Policy', "frame-ancestors 'none'; font-src 'self'");
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (!STATIC_PATH.test(req.path)) res.setHeader('Cache-Control', 'no-store');

    if (!SAFE_METHODS.has(req.method)) {
      const origin = claimedOrigin(req);
      if (!origin || (origin !== publicOrigin && origin !== `${req.protocol}://${req.get('host')}`)) {
        res.status(403).type('text/plain').send('Refused: a state-changing back-office request must come from the back-office itself.');
        return;
      }
    } else if (API_PATH.test(req.path) && ['cross-site', 'same-site'].includes(req.get('sec-fetch-site') ?? '')) {
      res.status(403).type('text/plain').send('Refused: back-office API calls from other sites are not allowed.');
      return;
    }
    next();
  };
}
