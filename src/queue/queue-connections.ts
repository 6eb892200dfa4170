import { getQueueToken } from '@nestjs/bull';
import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bull';
import { setTimeout as delay } from 'node:timers/promises';
import { QUEUE_NAMES } from './queue-names';

/** How long stopping a worker waits for queue connections still being opened. */
const SETTLE_LIMIT_MS = 2000;

type QueueClient = Queue['clients'][number];

/**
 * Waits (bounded, so a Redis that is away does not hold up shutdown) until no connection of these
 * queues is still opening. Bull names a worker's blocking connection while it opens, without
 * handling a failure, and pausing or closing a queue drops that connection: in a process stopped
 * right after it started, the naming command fails with "Connection is closed" and the process
 * ends on an unhandled rejection. Call it before pausing or closing a worker's queue.
 */
export async function queueConnectionsSettled(queues: Queue[]): Promise<void> {
  const deadline = Date.now() + SETTLE_LIMIT_MS;
  // A connection becoming ready can open another (the worker's blocking one), so look again until none is opening.
  for (let opening = openingClients(queues); opening.length > 0 && Date.now() < deadline; opening = openingClients(queues)) {
    const limit = new AbortController();
    const timeLeft = delay(deadline - Date.now(), undefined, { signal: limit.signal }).catch(() => undefined);
    await Promise.race([Promise.all(opening.map(settledOf)), timeLeft]);
    limit.abort();
    await new Promise((resolve) => setImmediate(resolve)); // Bull sends its naming command right after "ready"
  }
}

/** Lets every queue's connections settle before @nestjs/bull closes the queues (queueConnectionsSettled). */
@Injectable()
export class QueueConnectionsSettle implements BeforeApplicationShutdown {
  constructor(private readonly moduleRef: ModuleRef) {}

  beforeApplicationShutdown(): Promise<void> {
    return queueConnectionsSettled(QUEUE_NAMES.map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false })));
  }
}

function openingClients(queues: Queue[]): QueueClient[] {
  return queues.flatMap((queue) => queue.clients).filter((client) => !isSettled(client));
}

function isSettled(client: QueueClient): boolean {
  return client.status === 'ready' || client.status === 'end';
}

function settledOf(client: QueueClient): Promise<void> {
  if (isSettled(client)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      client.off('ready', done).off('end', done);
      resolve();
    };
    client.on('ready', done).on('end', done);
  });
}
