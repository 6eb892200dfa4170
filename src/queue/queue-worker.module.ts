import { Module } from '@nestjs/common';
import { RecurringJobs } from './recurring-jobs';
import { Sweeper } from './sweeper';

/** What every worker process shares: the keeper of repeatable jobs and the sweeper. Imported only where workers run. */
@Module({ providers: [RecurringJobs, Sweeper], exports: [RecurringJobs, Sweeper] })
export class QueueWorkerModule {}
