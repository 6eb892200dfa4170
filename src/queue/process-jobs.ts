import { Logger } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { errorMessage } from '../common/error-message';

/**
 * Starts this process's worker for one job name of a queue. Used from onApplicationBootstrap rather
 * than @Process(): Bull's start-up promise rejects when the application stops before Redis ever
 * answered, and @nestjs/bull leaves that rejection unhandled.
 */
export function processJobs<Data>(
  queue: Queue<Data>,
  jobName: string,
  concurrency: number,
  handler: (job: Job<Data>) => Promise<unknown>,
  logger: Logger,
): void {
  queue
    .process(jobName, concurrency, handler)
    .catch((error: unknown) => logger.warn(`Worker for ${queue.name}/${jobName} stopped: ${errorMessage(error)}`));
}
