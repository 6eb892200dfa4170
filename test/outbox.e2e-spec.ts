import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { bearer, createCustomer, createPartner, uniqueEmail } from './support/fixtures';
import { RedisProcess, freePort } from './support/redis-process';
import { createTestApp } from './support/test-app';
import { eventually } from './support/eventually';

interface PendingMailRow {
  delivery_id: string;
  status: string;
  dispatched_at: Date | null;
  attempts: number;
  last_error: string | null;
}

/** The application with its own Redis, and what a test needs to follow one invitation mail. */
async function startApp(redis: RedisProcess) {
  const testApp = await createTestApp({ REDIS_URL: redis.url });
  const partner = await createPartner(testApp);
  const customer = await createCustomer(testApp, partner.admin, partner.organizationId);
  const outboxDir = testApp.config.mail.outboxDir;

  return {
    testApp,
    invite: async (email: string) => {
      const response = await testApp.http
        .post(`/api/v1/organizations/${customer.id}/members`)
        .set(bearer(partner.admin))
        .send({ email, role: 'guest' })
        .timeout(10_000)
        .expect(201);
      expect(response.body.invitationSent).toBe(true);
    },
    mailRow: async (email: string): Promise<PendingMailRow | undefined> => {
      const rows = await testApp.sql<PendingMailRow>(
        `select d.id as delivery_id, d.status, o.dispatched_at, o.attempts, o.last_error
           from mail_delivery d join outbox_message o on o.job_id = 'mail:' || d.id
          where d.recipient = ?`,
        [email],
      );
      return rows[0];
    },
    emlFile: async (deliveryId: string): Promise<string | undefined> => {
      const name = (await readdir(outboxDir)).find((file) => file.endsWith(`-${deliveryId}.eml`));
      return name === undefined ? undefined : readFile(join(outboxDir, name), 'utf8');
    },
  };
}

type RunningApp = Awaited<ReturnType<typeof startApp>>;

/** While Redis is down the invitation is accepted and waits in the outbox; once it is back the mail goes out. */
async function expectDeliveryAfterRedisReturns({ testApp, invite, mailRow, emlFile }: RunningApp, redis: RedisProcess): Promise<void> {
  const email = uniqueEmail('during-outage');
  await invite(email);
  await testApp.http.get('/health').timeout(10_000).expect(503);

  const pending = await eventually('the relay to try and fail', async () => {
    const row = await mailRow(email);
    return row && row.attempts > 0 ? row : undefined;
  });
  expect(pending).toMatchObject({ status: 'pending', dispatched_at: null, last_error: expect.stringMatching(/Redis/) });
  expect(await emlFile(pending.delivery_id)).toBeUndefined();

  await redis.start();
  const eml = await eventually('the mail written as .eml', () => emlFile(pending.delivery_id));
  expect(eml).toMatch(new RegExp(`^To: ${email}$`, 'm'));
  const sent = await eventually('the delivery marked sent', async () => {
    const row = await mailRow(email);
    return row?.status === 'sent' ? row : undefined;
  });
  expect(sent.dispatched_at).not.toBeNull();
  await eventually('health to recover', async () => ((await testApp.http.get('/health')).status === 200 ? true : undefined));
}

describe('outbox', () => {
  let app: RunningApp | undefined;
  let redis: RedisProcess | undefined;

  afterEach(async () => {
    await app?.testApp.close();
    await redis?.stop();
    app = redis = undefined;
  });

  it('keeps a mail in the outbox while Redis is down and delivers it once Redis is back', async () => {
    redis = new RedisProcess(await freePort());
    await redis.start();
    app = await startApp(redis);

    const before = uniqueEmail('before-outage');
    await app.invite(before);
    const row = await eventually('the first mail relayed', async () => {
      const found = await app!.mailRow(before);
      return found?.status === 'sent' ? found : undefined;
    });
    expect(await app.emlFile(row.delivery_id)).toMatch(new RegExp(`^To: ${before}$`, 'm'));

    await redis.stop();
    await expectDeliveryAfterRedisReturns(app, redis);
  });

  it('starts without Redis, serves the API and sends once Redis appears', async () => {
    redis = new RedisProcess(await freePort());
    const started = Date.now();
    app = await startApp(redis);
    expect(Date.now() - started).toBeLessThan(10_000);

    await expectDeliveryAfterRedisReturns(app, redis);
  });
});
