import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';

describe('GET /metrics', () => {
  let server: TestServer;
  before(async () => {
    server = await createTestServer();
  });
  after(() => server.close());

  it('counts requests by route template and status in Prometheus text format', async () => {
    await server.app.inject({ method: 'GET', url: '/api/health' });
    await server.app.inject({ method: 'GET', url: '/api/health' });
    await server.app.inject({ method: 'GET', url: '/api/does-not-exist/12345' });

    const response = await server.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/plain/);
    assert.match(
      response.body,
      /^openpatrol_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status_code="200"\} 2$/m,
    );
    // Unknown URLs share one label value, so a scanner cannot blow up the number of series.
    assert.doesNotMatch(response.body, /12345/);
    assert.match(response.body, /^openpatrol_process_resident_memory_bytes \d+/m);
  });
});
