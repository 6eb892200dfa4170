import { Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../common/domain-error';
import { DatabaseOutage, isDatabaseUnreachable } from './database-outage';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('isDatabaseUnreachable', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', withCode('ECONNRESET')],
    ['PostgreSQL shutting down (57P01)', withCode('57P01', 'terminating connection due to administrator command')],
    ['a connection exception class (08006)', withCode('08006')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['the pool waiting in vain', new Error('Knex: Timeout acquiring a connection. The pool is probably full.')],
    ['both addresses of localhost refused', Object.assign(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]), { code: undefined })],
    ['a driver error wrapping one', Object.assign(new Error('query failed'), { cause: withCode('ECONNREFUSED') })],
  ])('recognises %s', (_case, error) => {
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', withCode('42601')],
    ['a plain bug', new TypeError('Cannot read properties of undefined')],
    ['nothing', undefined],
  ])('leaves %s alone', (_case, error) => {
    expect(isDatabaseUnreachable(error)).toBe(false);
  });
});

describe('DatabaseOutage', () => {
  let answers: boolean;
  let outage: DatabaseOutage;
  const em = { fork: () => ({ getConnection: () => ({ execute: () => (answers ? Promise.resolve([]) : Promise.reject(withCode('ECONNREFUSED'))) }) }) };

  beforeEach(() => {
    jest.useFakeTimers();
    answers = false;
    outage = new DatabaseOutage(em as unknown as EntityManager);
  });
  afterEach(() => {
    outage.onModuleDestroy();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('answers 503 with Retry-After, logs the outage once and its end once', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const logs = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);

    const problems = [1, 2, 3].map(() => outage.translate(withCode('ECONNREFUSED')));
    for (const problem of problems) expect(problem).toEqual(expect.objectContaining({ kind: 'unavailable', code: 'database-unavailable', extensions: { retryAfter: 5 } }));
    expect(problems[0]).toBeInstanceOf(DomainError);
    expect(outage.unreachable).toBe(true);
    expect(errors).toHaveBeenCalledTimes(1);

    await jest.advanceTimersByTimeAsync(4_000);
    expect(logs).not.toHaveBeenCalled();
    answers = true;
    await jest.advanceTimersByTimeAsync(2_000);
    expect(outage.unreachable).toBe(false);
    expect(logs).toHaveBeenCalledTimes(1);
    expect(logs.mock.calls[0][0]).toMatch(/^PostgreSQL answers again after \d+ s$/);

    outage.translate(withCode('ECONNREFUSED'));
    expect(errors).toHaveBeenCalledTimes(2);
  });

  it('leaves other errors to the filter', () => {
    expect(outage.translate(new TypeError('bug'))).toBeUndefined();
    expect(outage.unreachable).toBe(false);
  });
});
