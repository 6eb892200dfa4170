import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OutboxMessage } from './outbox-message.entity';

export interface OutboxJob {
  queue: string;
  jobName: string;
  /** Business key; Bull drops a second job with the same id. */
  jobId: string;
  payload: Record<string, unknown>;
}

@Injectable()
export class OutboxService {
  constructor(private readonly em: EntityManager) {}

  /** Persists the job in the caller's transaction; the relay hands it to Bull after commit. */
  enqueue(job: OutboxJob): void {
    const em = this.em.getContext();
    em.persist(em.create(OutboxMessage, job));
  }
}
