import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

interface OpenApiDocument {
  openapi: string;
  servers: unknown;
  paths: Record<string, Record<string, Operation> | undefined>;
  components: {
    schemas: Record<string, unknown>;
    securitySchemes: Record<string, { scheme?: string }>;
  };
}

describe('API reference', () => {
  let server: TestServer;
  before(async () => {
    server = await createTestServer();
  });
  after(() => server.close());

  it('serves an OpenAPI 3.1 document whose paths sit under the /api server', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200);
    const document = response.json<OpenApiDocument>();
    assert.equal(document.openapi, '3.1.0');
    assert.deepEqual(document.servers, [{ url: '/api', description: 'This server' }]);
    assert.ok(document.paths['/health'], 'the health check is documented as /health under /api');
    assert.equal(document.paths['/api/health'], undefined);
    assert.equal(
      document.paths['/metrics'],
      undefined,
      'operator endpoints stay out of the API reference',
    );
  });

  it('gives every operation a unique operationId, a summary and a tag', async () => {
    const document = (
      await server.app.inject({ method: 'GET', url: '/api/openapi.json' })
    ).json<OpenApiDocument>();
    const operations = Object.values(document.paths).flatMap((pathItem) =>
      Object.values(pathItem ?? {}),
    );
    assert.ok(operations.length > 0);
    for (const operation of operations) {
      assert.ok(
        operation.operationId,
        `operation without operationId: ${JSON.stringify(operation).slice(0, 80)}`,
      );
      assert.ok(operation.summary, `${operation.operationId} has no summary`);
      assert.ok(operation.tags && operation.tags.length > 0, `${operation.operationId} has no tag`);
    }
    const ids = operations.map((operation) => operation.operationId);
    assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
  });

  it('names reusable shapes in components.schemas and refers to them', async () => {
    const document = (
      await server.app.inject({ method: 'GET', url: '/api/openapi.json' })
    ).json<OpenApiDocument>();
    assert.ok(document.components.schemas.Health);
    assert.deepEqual(
      document.paths['/health']?.get?.responses['200']?.content?.['application/json']?.schema,
      {
        $ref: '#/components/schemas/Health',
      },
    );
    assert.equal(document.components.securitySchemes.bearerAuth?.scheme, 'bearer');
  });

  it('serves the interactive reference from its own assets', async () => {
    const page = await server.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /text\/html/);
    assert.doesNotMatch(
      page.body,
      /https?:\/\/(?!localhost)[a-z0-9.-]+\//i,
      'the page loads nothing from the internet',
    );
    const script = await server.app.inject({
      method: 'GET',
      url: '/api/docs/static/swagger-ui-bundle.js',
    });
    assert.equal(script.statusCode, 200);
  });
});
