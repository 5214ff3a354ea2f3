import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { verifyWebhookSignature } from '../../../../../packages/api-client/src/webhooks.js';
import { createFixedClock } from '../../shared/clock.js';
import type { Problem } from '../../shared/problem.schemas.js';
import {
  createApiToken,
  signUpOrganization,
  type Credentials,
  type SignedUpOrganization,
} from '../../test-support/factories.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import { createWorker, type Worker } from '../jobs/worker.js';
import { createDeliverWebhookJob } from './webhook-delivery.js';
import { DELIVER_WEBHOOK_JOB } from './webhooks.service.js';

// Webhooks against a real HTTP receiver on 127.0.0.1 (issue 9's acceptance): signatures verify
// with the published verifier, retries deliver exactly once, the outbox survives a lost worker,
// and private addresses are refused unless the operator allows them.

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe('webhooks', () => {
  const clock = createFixedClock(new Date('2026-12-07T12:00:00.000Z'));
  let server: TestServer;
  let owner: SignedUpOrganization;
  let token: Credentials;
  let locationId: string;
  let pointId: string;
  let receiver: http.Server;
  let receiverUrl: string;
  const received: Received[] = [];
  /** How many of the next requests the receiver answers 500. */
  let failuresLeft = 0;

  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: token.headers, ...(payload ? { payload } : {}) });

  function worker(allowPrivateNetworks = true): Worker {
    return createWorker({
      database: server.deps.database,
      clock,
      logger: pino({ level: 'silent' }),
      handlers: {
        [DELIVER_WEBHOOK_JOB]: createDeliverWebhookJob({
          mailer: server.deps.mailer,
          allowPrivateNetworks,
          userAgent: 'OpenPatrol-Webhooks/test',
        }),
      },
    });
  }

  async function subscribe(eventTypes: string[], url = receiverUrl) {
    const response = await send('POST', '/api/webhooks', { url, eventTypes });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ id: string; secret: string }>();
  }

  const planTask = async (name: string) => {
    const response = await send('POST', '/api/task-executions', {
      assigneeIds: [],
      locationId,
      name,
      description: null,
      recurrence: null,
      startAt: '2026-12-08T18:00:00.000Z',
      endAt: '2026-12-08T19:00:00.000Z',
      priority: 'NORMAL',
      orderStepsRequired: false,
      strictTimeRequired: false,
      deadlined: false,
      tags: [],
      steps: [{ pointId, name: 'Gate', order: 0 }],
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ id: string }>();
  };

  before(async () => {
    receiver = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        if (failuresLeft > 0) {
          failuresLeft--;
          response.writeHead(500).end('try later');
        } else response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    server = await createTestServer({
      env: { WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true' },
      overrides: { clock },
    });
    owner = await signUpOrganization(server, 'Acme Security');
    token = await createApiToken(server, owner);
    locationId = (await send('POST', '/api/locations', { name: 'Depot', timeZone: 'UTC' })).json<{
      id: string;
    }>().id;
    pointId = (await send('POST', '/api/points', { locationId, name: 'Gate' })).json<{
      id: string;
    }>().id;
  });
  after(async () => {
    await server.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('delivers events signed, carrying what the API’s GET returns', async () => {
    const webhook = await subscribe(['task-execution.created']);
    assert.match(webhook.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = await send('GET', '/api/webhooks');
    assert.ok(!listed.body.includes(webhook.secret), 'the secret is shown once');

    received.length = 0;
    const execution = await planTask('Signed round');
    const sender = worker();
    assert.equal(await sender.runOnce(), 1);
    assert.equal(received.length, 1);
    const [delivery] = received;
    const headers = delivery!.headers as Record<string, string>;
    assert.equal(
      await verifyWebhookSignature({
        secret: webhook.secret,
        headers,
        body: delivery!.body,
        now: clock.now().getTime(),
      }),
      true,
    );
    assert.equal(
      await verifyWebhookSignature({
        secret: webhook.secret,
        headers,
        body: delivery!.body.replace('Signed round', 'Forged round'),
        now: clock.now().getTime(),
      }),
      false,
      'a changed body does not verify',
    );
    const event = JSON.parse(delivery!.body) as { type: string; data: unknown };
    assert.equal(event.type, 'task-execution.created');
    const current = await send('GET', `/api/task-executions/${execution.id}`);
    assert.deepEqual(event.data, current.json());
    await send('DELETE', `/api/webhooks/${webhook.id}`);
  });

  it('rotates the secret: the next delivery verifies with the new one only', async () => {
    const webhook = await subscribe(['webhook.test']);
    const rotated = await send('POST', `/api/webhooks/${webhook.id}/rotate-secret`);
    assert.equal(rotated.statusCode, 200, rotated.body);
    const { secret } = rotated.json<{ secret: string }>();
    assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.notEqual(secret, webhook.secret);

    received.length = 0;
    assert.equal((await send('POST', `/api/webhooks/${webhook.id}/test`)).statusCode, 202);
    assert.equal(await worker().runOnce(), 1);
    const [delivery] = received;
    assert.ok(delivery);
    const verify = (candidate: string) =>
      verifyWebhookSignature({
        secret: candidate,
        headers: delivery.headers,
        body: delivery.body,
        now: clock.now().getTime(),
      });
    assert.equal(await verify(secret), true);
    assert.equal(await verify(webhook.secret), false, 'the old secret no longer verifies');

    const elsewhere = await signUpOrganization(server, 'Rival Patrols');
    const foreign = await server.app.inject({
      method: 'POST',
      url: `/api/webhooks/${webhook.id}/rotate-secret`,
      headers: (await createApiToken(server, elsewhere)).headers,
    });
    assert.equal(foreign.statusCode, 404);
    await send('DELETE', `/api/webhooks/${webhook.id}`);
  });

  it('retries a failing receiver with backoff and delivers exactly once', async () => {
    const webhook = await subscribe(['task-execution.created']);
    received.length = 0;
    failuresLeft = 3;
    await planTask('Retried round');
    const sender = worker();
    for (let round = 0; round < 10 && received.length < 4; round++) {
      await sender.runOnce();
      clock.advance(60 * 60 * 1000); // past any backoff so far
    }
    clock.set(new Date('2026-12-07T12:00:00.000Z'));
    assert.equal(received.length, 4, 'three failures, then one success');
    assert.equal(new Set(received.map((r) => r.headers['webhook-id'])).size, 1, 'one event id');
    const deliveries = (await send('GET', `/api/webhooks/${webhook.id}/deliveries`)).json<
      { status: string; attempts: number; lastStatusCode: number }[]
    >();
    assert.deepEqual(
      deliveries.map((d) => [d.status, d.attempts, d.lastStatusCode]),
      [['DELIVERED', 4, 204]],
    );
    assert.equal(await sender.runOnce(), 0, 'nothing left to send');
    await send('DELETE', `/api/webhooks/${webhook.id}`);
  });

  it('keeps the event when no worker sends it, and another worker delivers it later', async () => {
    const webhook = await subscribe(['issue.created']);
    received.length = 0;
    const issue = await send('POST', '/api/issues', {
      locationId,
      category: 'DAMAGE',
      severity: 'HIGH',
      title: 'Broken fence',
    });
    assert.equal(issue.statusCode, 201, issue.body);
    // The change and its delivery were committed together; no worker has run.
    const pending = (await send('GET', `/api/webhooks/${webhook.id}/deliveries`)).json<
      { status: string }[]
    >();
    assert.deepEqual(
      pending.map((d) => d.status),
      ['PENDING'],
    );
    // A refused change writes no event.
    const refused = await send('POST', '/api/issues', { locationId, category: 'DAMAGE' });
    assert.equal(refused.statusCode, 400);
    assert.equal(await worker().runOnce(), 1);
    assert.equal(received.length, 1);
    assert.equal(
      (JSON.parse(received[0]!.body) as { data: { id: string } }).data.id,
      issue.json<{ id: string }>().id,
    );
    await send('DELETE', `/api/webhooks/${webhook.id}`);
  });

  it('refuses private addresses unless the operator allows them', async () => {
    const strict = await createTestServer({ overrides: { clock } });
    try {
      const strictOwner = await signUpOrganization(strict, 'Strict Co');
      for (const url of [
        'http://127.0.0.1:9/x',
        'http://localhost/x',
        'http://[::1]/x',
        'http://169.254.169.254/latest',
        'http://10.1.2.3/x',
      ]) {
        const response = await strict.app.inject({
          method: 'POST',
          url: '/api/webhooks',
          headers: strictOwner.headers,
          payload: { url, eventTypes: ['webhook.test'] },
        });
        assert.equal(response.statusCode, 400, url);
        assert.deepEqual(
          response.json<Problem>().errors?.map((e) => e.pointer),
          ['/url'],
          url,
        );
      }
    } finally {
      await strict.close();
    }
    // A name that resolves to a private address is refused at connection time.
    const webhook = await subscribe(
      ['webhook.test'],
      receiverUrl.replace('127.0.0.1', 'localhost'),
    );
    received.length = 0;
    const test = await send('POST', `/api/webhooks/${webhook.id}/test`);
    assert.equal(test.statusCode, 202, test.body);
    assert.equal(await worker(false).runOnce(), 1);
    assert.equal(received.length, 0, 'nothing reached the receiver');
    const [delivery] = (await send('GET', `/api/webhooks/${webhook.id}/deliveries`)).json<
      { status: string; lastError: string }[]
    >();
    assert.equal(delivery!.status, 'FAILED');
    assert.match(delivery!.lastError, /private, loopback or link-local/);
    // Allowed, a redelivery of the same event goes through.
    const redelivered = await send(
      'POST',
      `/api/webhooks/${webhook.id}/deliveries/${(await send('GET', `/api/webhooks/${webhook.id}/deliveries`)).json<{ id: string }[]>()[0]!.id}/redeliver`,
    );
    assert.equal(redelivered.statusCode, 202, redelivered.body);
    assert.equal(await worker(true).runOnce(), 1);
    assert.equal(received.length, 1);
    assert.equal((JSON.parse(received[0]!.body) as { type: string }).type, 'webhook.test');
    await send('DELETE', `/api/webhooks/${webhook.id}`);
  });

  it('tells about members joining and leaving', async () => {
    const webhook = await subscribe(['member.created', 'member.archived']);
    received.length = 0;
    const user = await send('POST', '/api/users', {
      firstName: 'Ivan',
      lastName: 'Guard',
      role: 'USER',
      email: 'ivan@example.com',
      locationIds: [locationId],
    });
    assert.equal(user.statusCode, 201, user.body);
    const archived = await send('POST', `/api/users/${user.json<{ id: string }>().id}/archive`);
    assert.equal(archived.statusCode, 200, archived.body);
    const sender = worker();
    while ((await sender.runOnce()) > 0);
    // Deliveries are not ordered (receivers order by the body's timestamp): compare sorted.
    assert.deepEqual(
      received
        .map((r) => {
          const event = JSON.parse(r.body) as {
            type: string;
            data: { id: string; archived: boolean };
          };
          return [event.type, event.data.id, event.data.archived];
        })
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      [
        ['member.archived', user.json<{ id: string }>().id, true],
        ['member.created', user.json<{ id: string }>().id, false],
      ],
    );
    await send('DELETE', `/api/webhooks/${webhook.id}`);
  });

  it('gives up after 24 hours, disables the webhook and tells the Owners', async () => {
    const webhook = await subscribe(['task-execution.created']);
    failuresLeft = 1_000;
    await planTask('Never delivered');
    const sender = worker();
    for (let hour = 0; hour <= 26; hour++) {
      await sender.runOnce();
      clock.advance(60 * 60 * 1000);
    }
    clock.set(new Date('2026-12-07T12:00:00.000Z'));
    failuresLeft = 0;
    const state = (await send('GET', `/api/webhooks/${webhook.id}`)).json<{
      enabled: boolean;
      disabledReason: string;
    }>();
    assert.equal(state.enabled, false);
    assert.match(state.disabledReason, /failed for 24 hours/);
    const [delivery] = (await send('GET', `/api/webhooks/${webhook.id}/deliveries`)).json<
      { status: string }[]
    >();
    assert.equal(delivery!.status, 'FAILED');
    const notice = await server.deps.database.db
      .selectFrom('emailOutbox')
      .select(['toAddress', 'subject'])
      .where('subject', 'like', '%disabled a webhook%')
      .execute();
    assert.deepEqual(
      notice.map((n) => n.toAddress),
      [owner.email],
    );
  });
});
