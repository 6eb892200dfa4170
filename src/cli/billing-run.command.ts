import { EntityManager } from '@mikro-orm/postgresql';
import { Command, Option } from 'nest-commander';
import { BillingRunService } from '../billing/subscriptions/billing-run.service';
import { CliOutput } from './cli-output';
import { CliUsageError } from './cli-options';
import { JsonCommand } from './json-command';

interface BillingRunOptions {
  at?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** `--at` as a Date: an ISO 8601 date (midnight UTC) or date-time with an offset. */
export function parseRunAt(value: string | undefined, now = new Date()): Date {
  if (value === undefined) return now;
  const at = ISO_DATE.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) throw new CliUsageError(`--at must be an ISO 8601 date or date-time with offset, e.g. 2026-12-01 or 2026-12-01T03:00:00Z`);
  return at;
}

@Command({
  name: 'billing:run',
  description: 'Issue the invoices due at --at (default now) and end subscriptions cancelled at period end; idempotent. Prints {invoicesIssued, subscriptionsEnded, errors}',
})
export class BillingRunCommand extends JsonCommand<BillingRunOptions> {
  constructor(
    em: EntityManager,
    output: CliOutput,
    private readonly billingRun: BillingRunService,
  ) {
    super(em, output);
  }

  protected execute(options: BillingRunOptions): Promise<object> {
    return this.billingRun.run(parseRunAt(options.at));
  }

  @Option({ flags: '--at <ISO date>', description: 'bill as of this time (default now), e.g. 2026-12-01T03:00:00Z' })
  parseAt(value: string): string {
    return value;
  }
}
