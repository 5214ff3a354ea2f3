import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';

function writeBuiltApp(root: string, name: string): string {
  const directory = path.join(root, name);
  mkdirSync(path.join(directory, 'assets'), { recursive: true });
  writeFileSync(path.join(directory, 'index.html'), `<!doctype html><title>${name}</title>`);
  writeFileSync(
    path.join(directory, 'assets', 'index-abc123.js'),
    `console.log(${JSON.stringify(name)})`,
  );
  writeFileSync(path.join(directory, 'manifest.webmanifest'), '{}');
  return directory;
}

describe('web app hosting', () => {
  let server: TestServer;
  let root: string;

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'openpatrol-web-'));
    server = await createTestServer({
      overrides: {
        webApps: [
          { prefix: '/field/', directory: writeBuiltApp(root, 'field'), title: 'OpenPatrol Field' },
          { prefix: '/', directory: writeBuiltApp(root, 'admin'), title: 'OpenPatrol Admin' },
        ],
      },
    });
  });
  after(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  const get = (url: string) => server.app.inject({ method: 'GET', url });

  it('serves the admin app at / and the field app at /field/', async () => {
    assert.match((await get('/')).body, /<title>admin<\/title>/);
    assert.match((await get('/field/')).body, /<title>field<\/title>/);
  });

  it('serves the app page for client-side routes, so a reload keeps working', async () => {
    const admin = await get('/schedule/week?date=2026-12-04');
    assert.equal(admin.statusCode, 200);
    assert.match(admin.body, /<title>admin<\/title>/);
    assert.equal(admin.headers['cache-control'], 'no-cache');
    assert.match((await get('/field/executions/123')).body, /<title>field<\/title>/);
  });

  it('lets browsers keep content-hashed assets for good, but not the page', async () => {
    const asset = await get('/assets/index-abc123.js');
    assert.equal(asset.statusCode, 200);
    assert.match(asset.headers['cache-control'] ?? '', /immutable/);
    assert.equal((await get('/field/manifest.webmanifest')).headers['cache-control'], 'no-cache');
  });

  it('redirects /field to /field/ so relative asset paths resolve', async () => {
    const response = await get('/field');
    assert.equal(response.statusCode, 301);
    assert.equal(response.headers.location, '/field/');
  });

  it('never answers an unknown API path with a page', async () => {
    const response = await get('/api/unknown');
    assert.equal(response.statusCode, 404);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
  });
});

describe('web app hosting before the apps are built', () => {
  it('explains how to build the app instead of failing silently', async () => {
    const server = await createTestServer({
      overrides: {
        webApps: [
          {
            prefix: '/',
            directory: path.join(tmpdir(), 'openpatrol-never-built'),
            title: 'OpenPatrol Admin',
          },
        ],
      },
    });
    try {
      const response = await server.app.inject({ method: 'GET', url: '/' });
      assert.equal(response.statusCode, 503);
      assert.match(response.body, /npm run build/);
      assert.equal(
        (await server.app.inject({ method: 'GET', url: '/api/health' })).statusCode,
        200,
      );
    } finally {
      await server.close();
    }
  });
});
