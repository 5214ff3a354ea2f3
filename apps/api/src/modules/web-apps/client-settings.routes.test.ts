import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../config.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';

describe('GET /api/client-settings', () => {
  const servers: TestServer[] = [];
  after(() => Promise.all(servers.map((server) => server.close())));

  it('tells the web apps OpenStreetMap’s tiles by default, without signing in', async () => {
    const server = await createTestServer();
    servers.push(server);
    const response = await server.app.inject({ method: 'GET', url: '/api/client-settings' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), {
      map: {
        tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
        attribution: '© OpenStreetMap contributors',
      },
    });
  });

  it('says "no tiles" when the operator sets MAP_TILE_URL=none', async () => {
    const server = await createTestServer({ env: { MAP_TILE_URL: 'none' } });
    servers.push(server);
    const response = await server.app.inject({ method: 'GET', url: '/api/client-settings' });
    assert.equal(response.json<{ map: { tileUrl: string | null } }>().map.tileUrl, null);
  });

  it('refuses a tile URL without its {z}/{x}/{y} placeholders at start', () => {
    assert.throws(
      () => loadConfig({ MAP_TILE_URL: 'https://tiles.example.com/map.png' }),
      (error: unknown) =>
        error instanceof ConfigError && error.problems.some((p) => p.startsWith('MAP_TILE_URL')),
    );
  });
});
