import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestServer, type TestServer } from '../test-support/test-server.js';
import { hashInlineScripts } from './security-headers.js';

const INLINE_SCRIPT = "\n      document.documentElement.dataset.scheme = 'dark';\n    ";
const INDEX_HTML = `<!doctype html><html><head><script>${INLINE_SCRIPT}</script>
<script type="module" crossorigin src="/assets/index.js"></script></head><body></body></html>`;

function directivesOf(header: unknown): Map<string, string[]> {
  return new Map(
    String(header)
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('security headers', () => {
  let server: TestServer;
  let appDirectory: string;

  before(async () => {
    appDirectory = mkdtempSync(path.join(tmpdir(), 'openpatrol-admin-'));
    writeFileSync(path.join(appDirectory, 'index.html'), INDEX_HTML);
    server = await createTestServer({
      overrides: { webApps: [{ prefix: '/', directory: appDirectory, title: 'Admin' }] },
    });
  });
  after(async () => {
    await server.close();
    rmSync(appDirectory, { recursive: true, force: true });
  });

  it('lets the web app run its own scripts and its inline script, and nothing else', async () => {
    const page = await server.app.inject({ url: '/schedule' });
    assert.equal(page.statusCode, 200);
    const csp = directivesOf(page.headers['content-security-policy']);
    const hash = `'sha256-${createHash('sha256').update(INLINE_SCRIPT).digest('base64')}'`;
    assert.deepEqual(csp.get('script-src'), ["'self'", hash]);
    assert.deepEqual(csp.get('default-src'), ["'self'"]);
    assert.deepEqual(csp.get('object-src'), ["'none'"]);
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(csp.get('connect-src'), ["'self'"]);
    // Over plain http (the default PUBLIC_URL) nothing may be upgraded to https.
    assert.equal(csp.has('upgrade-insecure-requests'), false);
  });

  it('sends the usual hardening headers on API answers too', async () => {
    const response = await server.app.inject({ url: '/api/health' });
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['x-frame-options'], 'SAMEORIGIN');
    assert.equal(response.headers['referrer-policy'], 'no-referrer');
    assert.equal(response.headers['cross-origin-resource-policy'], 'same-origin');
    assert.equal(response.headers['strict-transport-security'], undefined);
    assert.equal(response.headers['x-powered-by'], undefined);
  });

  it('keeps swagger-ui’s own policy on the API reference', async () => {
    const docs = await server.app.inject({ url: '/api/docs/' });
    assert.equal(docs.statusCode, 200);
    // swagger-ui's pages load only its own files; its policy, not the web apps', applies.
    const csp = directivesOf(docs.headers['content-security-policy']);
    assert.deepEqual(csp.get('script-src'), ["'self'"]);
    assert.deepEqual(csp.get('frame-ancestors'), ["'self'"]);
  });

  it('adds HSTS and upgrades requests when the public URL is https', async () => {
    const secure = await createTestServer({ env: { PUBLIC_URL: 'https://patrol.example.com' } });
    try {
      const response = await secure.app.inject({ url: '/api/health' });
      assert.equal(response.headers['strict-transport-security'], 'max-age=31536000');
      assert.ok(
        directivesOf(response.headers['content-security-policy']).has('upgrade-insecure-requests'),
      );
    } finally {
      await secure.close();
    }
  });
});

describe('hashInlineScripts', () => {
  it('hashes inline scripts exactly as written and skips external and empty ones', () => {
    const html =
      '<script>a()</script><script src="/x.js"></script><script type="module">b()</script><script> </script>';
    assert.deepEqual(hashInlineScripts(html), [
      `'sha256-${createHash('sha256').update('a()').digest('base64')}'`,
      `'sha256-${createHash('sha256').update('b()').digest('base64')}'`,
    ]);
  });
});
