import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { startCrmIntegration } from '../../../../../examples/crm-integration/crm-integration.js';
import {
  createApiToken,
  signInMember,
  signUpOrganization,
  type Credentials,
} from '../../test-support/factories.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import { createWorker } from '../jobs/worker.js';
import { createDeliverWebhookJob } from './webhook-delivery.js';
import { DELIVER_WEBHOOK_JOB } from './webhooks.service.js';

// examples/crm-integration against the server over real HTTP: a deal plans an inspection, a
// guard performs it, the signed webhook brings the result back to the deal.

describe('the CRM integration example', () => {
  let server: TestServer;
  let baseUrl: string;
  let token: Credentials & { token?: string };
  let guard: Credentials & { user: { id: string } };
  let locationId: string;
  let point: { id: string; qrCode: string };

  before(async () => {
    server = await createTestServer({ env: { WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true' } });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    const owner = await signUpOrganization(server, 'Kyiv Security');
    token = await createApiToken(server, owner);
    const send = (url: string, payload: object) =>
      server.app.inject({ method: 'POST', url, headers: token.headers, payload });
    locationId = (await send('/api/locations', { name: 'Warehouse', timeZone: 'UTC' })).json<{
      id: string;
    }>().id;
    point = (await send('/api/points', { locationId, name: 'Gate' })).json<{
      id: string;
      qrCode: string;
    }>();
    guard = await signInMember(server, owner, 'USER', { locationIds: [locationId] });
  });
  after(() => server.close());

  it('plans an inspection for a new deal and brings its result back', async () => {
    const bearer = String(token.headers.authorization).replace(/^Bearer /, '');
    const crm = await startCrmIntegration({
      baseUrl,
      token: bearer,
      locationId,
      pointId: point.id,
      assigneeIds: [guard.user.id],
    });
    try {
      const inspectionAt = new Date(Date.now() + 3_600_000);
      const deal = await crm.createDeal('4711', 'Kyiv Logistics', inspectionAt);
      assert.equal(deal.status, 'INSPECTION_PLANNED');
      // The same deal sent again (a retry) plans nothing new: the Idempotency-Key.
      const again = await crm.createDeal('4711', 'Kyiv Logistics', inspectionAt);
      assert.equal(again.executionId, deal.executionId);

      const execution = (
        await server.app.inject({
          method: 'GET',
          url: `/api/task-executions/${deal.executionId}`,
          headers: token.headers,
        })
      ).json<{ steps: { id: string; actions: { id: string }[] }[] }>();
      for (const write of [
        { type: 'STARTED' },
        { type: 'CHECKED_IN', stepId: execution.steps[0]!.id, method: 'QR', code: point.qrCode },
        {
          type: 'VALUE_RECORDED',
          actionId: execution.steps[0]!.actions[0]!.id,
          booleanValue: true,
        },
        { type: 'FINISHED' },
      ]) {
        const response = await server.app.inject({
          method: 'POST',
          url: `/api/task-executions/${deal.executionId}/events`,
          headers: guard.headers,
          payload: { id: randomUUID(), ...write },
        });
        assert.equal(response.statusCode, 201, response.body);
      }
      const worker = createWorker({
        database: server.deps.database,
        clock: server.deps.clock,
        logger: pino({ level: 'silent' }),
        handlers: {
          [DELIVER_WEBHOOK_JOB]: createDeliverWebhookJob({
            mailer: server.deps.mailer,
            allowPrivateNetworks: true,
            userAgent: 'OpenPatrol-Webhooks/test',
          }),
        },
      });
      assert.equal(await worker.runOnce(), 1);
      assert.deepEqual(
        { status: crm.deals.get('4711')?.status, errors: crm.deals.get('4711')?.inspectionErrors },
        { status: 'INSPECTED', errors: 0 },
      );
    } finally {
      await crm.stop();
    }
  });
});
