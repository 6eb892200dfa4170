import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Agent, request } from 'undici';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RefusedTargetError, WebhookTargetPolicy, guardedLookup, parseAllowedNetworks, refusedUrl } from './webhook-target';

/** Redirects followed per attempt, each target judged like the first. */
const MAX_REDIRECTS = 3;
/** What of a failed answer's body the delivery log keeps. */
const ERROR_BODY_LIMIT = 512;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** How long saving a webhook waits for its target's redirects. */
const PROBE_TIMEOUT_MS = 3000;
const USER_AGENT = 'partnerhub-webhooks/1';

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface WebhookResponse {
  /** The final answer's status; null when there was none (refused, unreachable, timed out). */
  status: number | null;
  ok: boolean;
  durationMs: number;
  /** Why it failed, for the delivery log. */
  error?: string;
}

/**
 * POSTs signed events to receivers over one keep-alive pool per process. Every connection resolves
 * its host through the SSRF guard (webhook-target), so neither a name that resolves to a private
 * address nor a redirect to one is reached; redirects are followed (the same signed POST) up to
 * MAX_REDIRECTS, each hop judged again. Nothing here throws: every outcome is a WebhookResponse.
 */
@Injectable()
export class WebhookSender implements OnApplicationShutdown {
  readonly policy: WebhookTargetPolicy;
  private readonly timeoutMs: number;
  private readonly agent: Agent;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.policy = { allowHttp: config.webhooks.allowHttp, allowedNetworks: parseAllowedNetworks(config.webhooks.allowedNetworks.join(',')) };
    this.timeoutMs = config.webhooks.timeoutMs;
    this.agent = new Agent({
      connect: { lookup: guardedLookup(this.policy), timeout: this.timeoutMs },
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
      connections: 64,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.agent.close();
  }

  /**
   * Before a target is saved: a HEAD request whose redirects are followed (up to MAX_REDIRECTS),
   * each judged like the target itself. Returns why a redirect leads somewhere refused, or null;
   * a target that does not answer, or answers anything but a redirect, is not refused for it.
   */
  async refusedRedirect(url: string): Promise<string | null> {
    const deadline = AbortSignal.timeout(Math.min(this.timeoutMs, PROBE_TIMEOUT_MS));
    let target = new URL(url);
    for (let hop = 0; hop < MAX_REDIRECTS; hop++) {
      let location: string | undefined;
      try {
        const response = await request(target, { method: 'HEAD', dispatcher: this.agent, signal: deadline, headers: { 'user-agent': USER_AGENT } });
        await response.body.dump();
        location = REDIRECT_STATUSES.has(response.statusCode) && typeof response.headers.location === 'string' ? response.headers.location : undefined;
      } catch (error) {
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
        return cause instanceof RefusedTargetError ? (hop > 0 ? `it redirects to a refused target: ${cause.message}` : cause.message) : null;
      }
      if (!location) return null;
      target = new URL(location, target);
      const refusal = refusedUrl(target, this.policy);
      if (refusal) return `it redirects to a refused target: ${refusal}`;
    }
    return null;
  }

  async post(webhook: WebhookRequest): Promise<WebhookResponse> {
    const started = performance.now();
    const outcome = await this.follow(webhook);
    return { ...outcome, durationMs: Math.round(performance.now() - started) };
  }

  private async follow({ url, headers, body }: WebhookRequest): Promise<Omit<WebhookResponse, 'durationMs'>> {
    const deadline = AbortSignal.timeout(this.timeoutMs);
    let target = new URL(url);
    for (let hop = 0; ; hop++) {
      const refusal = refusedUrl(target, this.policy);
      if (refusal) return { status: null, ok: false, error: hop === 0 ? `refused: ${refusal}` : `redirected to a refused target: ${refusal}` };
      let response: Awaited<ReturnType<typeof request>>;
      try {
        response = await request(target, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', 'user-agent': USER_AGENT },
          body,
          dispatcher: this.agent,
          signal: deadline,
        });
      } catch (error) {
        return { status: null, ok: false, error: describeFailure(error, hop) };
      }
      const location = response.headers.location;
      if (REDIRECT_STATUSES.has(response.statusCode) && typeof location === 'string' && hop < MAX_REDIRECTS) {
        await response.body.dump();
        target = new URL(location, target);
        continue;
      }
      if (response.statusCode >= 200 && response.statusCode < 300) {
        await response.body.dump();
        return { status: response.statusCode, ok: true };
      }
      const excerpt = await readExcerpt(response.body);
      const redirected = REDIRECT_STATUSES.has(response.statusCode) ? ` (more than ${MAX_REDIRECTS} redirects)` : '';
      return { status: response.statusCode, ok: false, error: `answered ${response.statusCode}${redirected}${excerpt ? `: ${excerpt}` : ''}` };
    }
  }
}

function describeFailure(error: unknown, hop: number): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  return `${hop > 0 ? 'after a redirect: ' : ''}${message}`;
}

async function readExcerpt(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  let text = '';
  try {
    for await (const chunk of body) {
      text += chunk.toString('utf8');
      if (text.length >= ERROR_BODY_LIMIT) break;
    }
  } catch {
    // the body is only for the log
  } finally {
    body.destroy();
  }
  return text.slice(0, ERROR_BODY_LIMIT).replace(/\s+/g, ' ').trim();
}
