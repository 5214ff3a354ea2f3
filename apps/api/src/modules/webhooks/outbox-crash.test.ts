import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { findFreePort } from '../../test-support/free-port.js';

// The outbox across a crash, with real processes on one SQLite file: a server without a worker
// takes a change and is killed (SIGKILL, no shutdown) before anything is sent; a worker started
// afterwards delivers the event, once.

const packageDirectory = fileURLToPath(new URL('../../..', import.meta.url));
const cli = path.join(packageDirectory, 'bin/openpatrol.js');
const run = promisify(execFile);

describe('the webhook outbox across a killed server', () => {
  const dataDirectory = mkdtempSync(path.join(tmpdir(), 'openpatrol-outbox-'));
  const env = {
    PATH: process.env.PATH ?? '',
    DATA_DIR: dataDirectory,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    WORKER_IN_PROCESS: 'false',
    WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true',
  };
  const children: ChildProcess[] = [];
  let receiver: http.Server;
  const received: { id: string; body: string }[] = [];

  function start(args: string[], port?: number): ChildProcess {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: packageDirectory,
      env: { ...env, ...(port ? { PORT: String(port) } : {}) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    return child;
  }

  async function waitFor(check: () => Promise<boolean>, what: string) {
    for (let attempt = 0; attempt < 600; attempt++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${what} did not happen within 60 s`);
  }

  before(async () => {
    receiver = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ id: String(request.headers['webhook-id']), body });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });
  after(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await new Promise((resolve) => receiver.close(resolve));
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('delivers an event committed by a server killed before sending it', async () => {
    const cliEnv = { ...process.env, ...env };
    const organization = JSON.parse(
      (
        await run(
          process.execPath,
          [
            cli,
            'create-organization',
            '--name',
            'Crash Co',
            '--owner-email',
            'owner@crash.example',
            '--owner-password',
            'correct horse battery staple',
            '--json',
          ],
          { cwd: packageDirectory, env: cliEnv },
        )
      ).stdout,
    ) as { organization?: { id: string }; id?: string };
    const organizationId = organization.organization?.id ?? organization.id!;
    const { token } = JSON.parse(
      (
        await run(
          process.execPath,
          [cli, 'create-api-token', '--organization', organizationId, '--name', 'crash', '--json'],
          {
            cwd: packageDirectory,
            env: cliEnv,
          },
        )
      ).stdout,
    ) as { token: string };

    const port = await findFreePort();
    const server = start(['serve'], port);
    const api = (method: string, url: string, body?: object) =>
      fetch(`http://127.0.0.1:${port}/api${url}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    await waitFor(
      () =>
        api('GET', '/health').then(
          (r) => r.ok,
          () => false,
        ),
      'the server starting',
    );

    const location = (await (
      await api('POST', '/locations', { name: 'Depot', timeZone: 'UTC' })
    ).json()) as { id: string };
    const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    const webhook = await api('POST', '/webhooks', {
      url: receiverUrl,
      eventTypes: ['issue.created'],
    });
    assert.equal(webhook.status, 201);
    const issue = await api('POST', '/issues', {
      locationId: location.id,
      category: 'DAMAGE',
      severity: 'HIGH',
      title: 'Fence cut',
    });
    assert.equal(issue.status, 201, await issue.clone().text());
    const issueId = ((await issue.json()) as { id: string }).id;

    // No worker ran in the server; kill it without any chance to clean up.
    server.kill('SIGKILL');
    await new Promise((resolve) => server.once('exit', resolve));
    assert.equal(received.length, 0);

    start(['worker']);
    await waitFor(async () => received.length > 0, 'the delivery');
    await new Promise((resolve) => setTimeout(resolve, 1500)); // a second delivery would come now
    assert.equal(received.length, 1, 'delivered once');
    const event = JSON.parse(received[0]!.body) as { type: string; data: { id: string } };
    assert.deepEqual([event.type, event.data.id], ['issue.created', issueId]);
  });
});
