import assert from 'node:assert/strict';
import { connect, type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Type } from 'typebox';
import { createTestServer, type TestServer } from '../test-support/test-server.js';
import { defineProblem } from './app-error.js';
import type { Problem } from './problem.schemas.js';

const gateLocked = defineProblem({ type: 'gate-locked', title: 'The gate is locked', status: 409 });

const CreateNoteBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 20 }),
    priority: Type.Enum(['LOW', 'HIGH']),
    tags: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);

/**
 * The problem handler is shared by every route, so it is exercised here through routes that
 * exist only in this test: one with a body and a query, and ones that fail in each way a real
 * route can.
 */
describe('problem+json responses', () => {
  let server: TestServer;

  before(async () => {
    server = await createTestServer({
      env: { BODY_LIMIT_BYTES: '2048' },
      extendApp: (app, deps) => {
        app.post(
          '/api/test/notes',
          {
            config: { access: 'public' },
            schema: {
              body: CreateNoteBody,
              querystring: Type.Object({ limit: Type.Optional(Type.Integer({ maximum: 1000 })) }),
            },
          },
          async (request) => ({ received: request.body }),
        );
        app.get('/api/test/locked', { config: { access: 'public' } }, async () => {
          throw gateLocked({ detail: 'Gate 2 is locked until 06:00.' });
        });
        app.get('/api/test/crash', { config: { access: 'public' } }, async () => {
          throw new Error('secret connection string postgres://admin:hunter2@db');
        });
        app.post(
          '/api/test/organizations',
          { config: { access: 'public' } },
          async (_request, reply) => {
            const organization = {
              id: 'org-1',
              name: 'Acme',
              timeZone: 'UTC',
              createdAt: '2026-01-01T00:00:00.000Z',
              updatedAt: '2026-01-01T00:00:00.000Z',
            };
            await deps.database.db.insertInto('organizations').values(organization).execute();
            return reply.code(201).send(organization);
          },
        );
      },
    });
  });
  after(() => server.close());

  const postNote = (
    payload: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
    url = '/api/test/notes',
  ) => server.app.inject({ method: 'POST', url, payload, headers });

  it('accepts a valid body unchanged', async () => {
    const response = await postNote(
      JSON.stringify({ text: 'Door open', priority: 'HIGH', tags: ['night'] }),
    );
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json<unknown>(), {
      received: { text: 'Door open', priority: 'HIGH', tags: ['night'] },
    });
  });

  it('rejects an unknown field instead of dropping it, naming the field', async () => {
    const response = await postNote(
      JSON.stringify({ text: 'Door open', priority: 'HIGH', tags: [], colour: 'red' }),
    );
    assert.equal(response.statusCode, 400);
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
    const problem = response.json<Problem>();
    assert.equal(problem.type, 'urn:openpatrol:problem:validation-failed');
    assert.equal(problem.status, 400);
    assert.equal(problem.instance, '/api/test/notes');
    assert.deepEqual(problem.errors, [
      { in: 'body', pointer: '/colour', detail: 'is not a known field' },
    ]);
    assert.match(problem.detail, /\/colour/);
  });

  it('reports every wrong type and missing field at once', async () => {
    const response = await postNote(JSON.stringify({ text: 42, tags: 'night' }));
    assert.equal(response.statusCode, 400);
    assert.deepEqual((response.json<Problem>().errors ?? []).map((error) => error.pointer).sort(), [
      '/priority',
      '/tags',
      '/text',
    ]);
  });

  it('names a bad query parameter as being in the query', async () => {
    const response = await postNote(
      JSON.stringify({ text: 'x', priority: 'LOW', tags: [] }),
      undefined,
      '/api/test/notes?limit=5000',
    );
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json<Problem>().errors, [
      { in: 'query', pointer: '/limit', detail: 'must be <= 1000' },
    ]);
  });

  it('answers malformed JSON with a 400 that says so', async () => {
    const response = await postNote('{"text": "Door open",');
    assert.equal(response.statusCode, 400);
    const problem = response.json<Problem>();
    assert.equal(problem.type, 'urn:openpatrol:problem:malformed-json');
    assert.equal(problem.errors, null);
    assert.ok(problem.detail.length > 0);
  });

  it('answers an empty JSON body with a 400', async () => {
    const response = await postNote('');
    assert.equal(response.statusCode, 400);
    assert.equal(response.json<Problem>().type, 'urn:openpatrol:problem:malformed-json');
  });

  it('answers an oversized body with a 413 that states the limit', async () => {
    const response = await postNote(
      JSON.stringify({ text: 'x'.repeat(5000), priority: 'LOW', tags: [] }),
    );
    assert.equal(response.statusCode, 413);
    const problem = response.json<Problem>();
    assert.equal(problem.type, 'urn:openpatrol:problem:payload-too-large');
    assert.match(problem.detail, /2048 bytes/);
  });

  it('answers a body that is not JSON with a 415', async () => {
    const response = await postNote('text=hello', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    assert.equal(response.statusCode, 415);
    assert.equal(response.json<Problem>().type, 'urn:openpatrol:problem:unsupported-media-type');
  });

  it('renders a module problem with its own type, status and detail', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/test/locked' });
    assert.equal(response.statusCode, 409);
    assert.deepEqual(
      { ...response.json<Problem>(), requestId: undefined },
      {
        type: 'urn:openpatrol:problem:gate-locked',
        title: 'The gate is locked',
        status: 409,
        detail: 'Gate 2 is locked until 06:00.',
        instance: '/api/test/locked',
        requestId: undefined,
        errors: null,
      },
    );
  });

  it('answers an unexpected failure with a 500 that reveals nothing of it', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/test/crash',
      headers: { 'x-request-id': 'trace-123' },
    });
    assert.equal(response.statusCode, 500);
    assert.doesNotMatch(response.body, /hunter2|postgres:|Error|at /);
    const problem = response.json<Problem>();
    assert.equal(problem.type, 'urn:openpatrol:problem:internal-error');
    assert.equal(problem.requestId, 'trace-123');
    assert.equal(response.headers['x-request-id'], 'trace-123');
  });

  it('turns a unique-constraint violation into a 409 on either database', async () => {
    assert.equal(
      (await server.app.inject({ method: 'POST', url: '/api/test/organizations' })).statusCode,
      201,
    );
    const response = await server.app.inject({ method: 'POST', url: '/api/test/organizations' });
    assert.equal(response.statusCode, 409);
    const problem = response.json<Problem>();
    assert.equal(problem.type, 'urn:openpatrol:problem:conflict');
    assert.doesNotMatch(problem.detail, /organizations|constraint|SQLITE|duplicate key/i);
  });

  it('answers an unknown path or method with a 404 problem', async () => {
    for (const [method, url] of [
      ['GET', '/api/no-such-thing'],
      ['DELETE', '/api/health'],
      ['POST', '/metrics'],
    ] as const) {
      const response = await server.app.inject({ method, url });
      assert.equal(response.statusCode, 404, `${method} ${url}`);
      const problem = response.json<Problem>();
      assert.equal(problem.type, 'urn:openpatrol:problem:not-found');
      assert.equal(problem.detail, `There is no ${method} ${url}.`);
    }
  });

  it('generates a request id when the caller sends none or an unusable one', async () => {
    for (const headers of [{}, { 'x-request-id': 'has spaces and <tags>' }]) {
      const response = await server.app.inject({
        method: 'GET',
        url: '/api/no-such-thing',
        headers,
      });
      const requestId = response.headers['x-request-id'];
      assert.match(String(requestId), /^[0-9a-f-]{36}$/);
      assert.equal(response.json<Problem>().requestId, requestId);
    }
  });
});

describe('a server that is shutting down', () => {
  it('answers a request that arrives during the drain with a 503 problem that asks to retry', async () => {
    // Request A keeps its keep-alive connection busy while close() begins, so the connection
    // survives; request B then arrives on it while the server is closing.
    let releaseA = () => {};
    let signalARunning = () => {};
    const aIsRunning = new Promise<void>((resolve) => (signalARunning = resolve));
    const server = await createTestServer({
      extendApp: (app) => {
        app.get('/api/test/slow', { config: { access: 'public' } }, async () => {
          signalARunning();
          await new Promise<void>((resolve) => (releaseA = resolve));
          return { ok: true };
        });
      },
    });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.app.server.address() as AddressInfo;

    const socket = connect(port, '127.0.0.1');
    let received = '';
    let onData = () => {};
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      onData();
    });
    const receivedUntil = (pattern: RegExp) =>
      new Promise<void>((resolve) => {
        onData = () => pattern.test(received) && resolve();
        onData();
      });

    socket.write('GET /api/test/slow HTTP/1.1\r\nHost: x\r\n\r\n');
    await aIsRunning;
    const closed = server.app.close();
    await new Promise((resolve) => setImmediate(resolve)); // let close() run its preClose hooks
    releaseA();
    await receivedUntil(/\{"ok":true\}/);
    socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n');
    await receivedUntil(/service-unavailable[^]*\}$/);
    socket.destroy();
    await closed;
    await server.deps.close();

    const [first, second] = received.split(/(?=HTTP\/1\.1 )/);
    assert.match(first ?? '', /^HTTP\/1\.1 200/);
    assert.match(second ?? '', /^HTTP\/1\.1 503/);
    assert.match(second ?? '', /content-type: application\/problem\+json/i);
    assert.match(second ?? '', /retry-after: 1/i);
    assert.match(second ?? '', /connection: close/i);
    assert.match(second ?? '', /"type":"urn:openpatrol:problem:service-unavailable"/);
  });
});
