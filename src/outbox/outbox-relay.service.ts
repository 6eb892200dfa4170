import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { getQueueToken } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { JobOptions, Queue } from 'bull';
import { QUEUE_NAMES } from '../queue/queue-names';
import { OutboxMessage } from './outbox-message.entity';
import { errorMessage } from '../common/error-message';
import { inOwnTransaction } from '../database/transaction';

/** Rows claimed per transaction; their jobs go to Redis in one MULTI per queue. */
const BATCH_SIZE = 100;
const POLL_INTERVAL_MS = 500;
const MAX_POLL_INTERVAL_MS = 5000;
const ADD_TIMEOUT_MS = 5000;

export const RELAYED_JOB_OPTIONS: JobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  // Kept for a while so staff can see them on the queue dashboard.
  removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
  removeOnFail: false,
};

interface BatchResult {
  relayed: number;
  /** Why the batch stopped early, if it did. */
  error?: string;
}

/**
 * Moves committed outbox messages to their Bull queues. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so any number of worker processes can relay at once;
 * a message stays pending until Bull has accepted it.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues = new Map<string, Queue>();
  private timer?: NodeJS.Timeout;
  private currentRun?: Promise<void>;
  private stopped = false;
  private consecutiveFailures = 0;

  constructor(
    private readonly em: EntityManager,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    for (const name of QUEUE_NAMES) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      void queue.client; // starts connecting, so the first batch usually finds Redis ready
      this.queues.set(name, queue);
    }
    this.schedule(POLL_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.currentRun;
  }

  /** Relays one batch of pending messages, oldest first: one round trip to Redis per queue. */
  private async relayBatch(): Promise<BatchResult> {
    return inOwnTransaction(this.em, async (em) => {
      // Only this process's queues: during a rolling deploy an older worker leaves newer queues' jobs alone.
      const messages = await em.find(
        OutboxMessage,
        { dispatchedAt: null, queue: { $in: [...this.queues.keys()] } },
        { orderBy: { createdAt: 'asc' }, limit: BATCH_SIZE, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
      );
      const byQueue = new Map<string, OutboxMessage[]>();
      for (const message of messages) {
        if (!byQueue.has(message.queue)) byQueue.set(message.queue, []);
        byQueue.get(message.queue)!.push(message);
      }
      const results = await Promise.all([...byQueue].map(([queue, batch]) => this.relayToQueue(queue, batch)));
      return { relayed: results.reduce((sum, result) => sum + result.relayed, 0), error: results.find((result) => result.error)?.error };
    });
  }

  /** Records the outcome on the messages: dispatched, or still pending with the reason. */
  private async relayToQueue(queue: string, messages: OutboxMessage[]): Promise<BatchResult> {
    try {
      await this.addJobs(queue, messages);
    } catch (error) {
      for (const message of messages) {
        message.attempts += 1;
        message.lastError = errorMessage(error);
      }
      return { relayed: 0, error: errorMessage(error) };
    }
    const dispatchedAt = new Date();
    for (const message of messages) message.dispatchedAt = dispatchedAt;
    return { relayed: messages.length };
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.currentRun = this.run();
    }, delayMs);
  }

  private async run(): Promise<void> {
    let result: BatchResult;
    try {
      result = await this.relayBatch();
    } catch (error) {
      result = { relayed: 0, error: `cannot read the outbox: ${errorMessage(error)}` };
    }
    if (result.error === undefined) {
      if (this.consecutiveFailures > 0) this.logger.log('Outbox relay resumed');
      this.consecutiveFailures = 0;
      this.schedule(result.relayed === BATCH_SIZE ? 0 : POLL_INTERVAL_MS);
      return;
    }
    if (this.consecutiveFailures === 0) this.logger.warn(`Outbox relay paused, retrying: ${result.error}`);
    this.consecutiveFailures++;
    this.schedule(Math.min(POLL_INTERVAL_MS * 2 ** this.consecutiveFailures, MAX_POLL_INTERVAL_MS));
  }

  /** Adds a queue's messages in order, in one MULTI; all of them or, as far as the outbox knows, none. */
  private async addJobs(name: string, messages: OutboxMessage[]): Promise<void> {
    const queue = this.queues.get(name)!;
    // Bull would hold the jobs in memory until Redis is back; the outbox already does that durably.
    if (queue.client.status !== 'ready') throw new Error(`Redis is not available (connection ${queue.client.status})`);
    let timeout: NodeJS.Timeout | undefined;
    try {
      const jobs = await Promise.race([
        queue.addBulk(messages.map((message) => ({ name: message.jobName, data: message.payload, opts: { ...RELAYED_JOB_OPTIONS, jobId: message.jobId } }))),
        new Promise<never>((_, reject) => {
          timeout = setTimeout(() => reject(new Error(`Queue ${name} did not accept the jobs within ${ADD_TIMEOUT_MS} ms`)), ADD_TIMEOUT_MS);
        }),
      ]);
      // addBulk does not report a job Redis refused inside the MULTI: such a job comes back without an id.
      const refused = jobs.filter((job) => job.id === undefined || job.id === null).length;
      if (refused > 0) throw new Error(`Queue ${name} refused ${refused} of ${messages.length} jobs`);
    } finally {
      clearTimeout(timeout);
    }
  }
}
