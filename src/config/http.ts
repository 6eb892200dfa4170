/** Where the REST API is served; `/`, `/health` and `/docs` sit outside it. */
export const API_PREFIX = 'api/v1';

/** Proxies whose X-Forwarded-For is believed (request.ip): private and local networks, where a load balancer sits. */
export const TRUSTED_PROXIES = 'loopback, linklocal, uniquelocal';
