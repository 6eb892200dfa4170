import { IncomingHttpHeaders, Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: { type: string; timestamp: string; data: Record<string, unknown> };
}

/** How the receiver answers a request: a status (and headers), or a promise it waits for first. */
export type Answer = { status: number; headers?: Record<string, string> } | (() => Promise<{ status: number; headers?: Record<string, string> }>);

/** A real HTTP server on 127.0.0.1 that records every webhook it receives and answers every request as told (200 by default). */
export class WebhookReceiver {
  /** The webhooks POSTed to it. */
  readonly received: ReceivedWebhook[] = [];
  /** Paths partnerhub checked with HEAD when a webhook was saved (to judge their redirects). */
  readonly probes: string[] = [];
  private answer: (request: ReceivedWebhook) => Answer = () => ({ status: 200 });
  private server?: Server;

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  answerWith(answer: (request: ReceivedWebhook) => Answer): void {
    this.answer = answer;
  }

  /** Events of one type received so far. */
  of(type: string): ReceivedWebhook[] {
    return this.received.filter((request) => request.json.type === type);
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const received = { path: request.url ?? '/', headers: request.headers, body, json: JSON.parse(body || '{}') };
        if (request.method === 'POST') this.received.push(received);
        else this.probes.push(received.path);
        const answer = this.answer(received);
        const { status, headers } = typeof answer === 'function' ? await answer() : answer;
        response.writeHead(status, headers).end(status >= 400 ? `receiver says ${status}` : 'ok');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
