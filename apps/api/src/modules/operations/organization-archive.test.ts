import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { DialectName } from '../../database/database.js';
import { createFixedClock } from '../../shared/clock.js';
import {
  createApiToken,
  signInMember,
  signUpOrganization,
  type Credentials,
} from '../../test-support/factories.js';
import { uploadPhoto } from '../../test-support/media-uploads.js';
import { isTestingPostgres } from '../../test-support/test-database.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import type { TaskExecutionInfo } from '../task-executions/task-executions.schemas.js';
import { OperationFailed } from './operations.errors.js';
import {
  exportOrganization,
  importOrganization,
  type ArchiveManifest,
} from './organization-archive.js';

// An organization is built through the API (a plan, a performed execution with its event log,
// an issue with a photo, an edited location), exported, imported into another installation, and
// read back through the API with the same API token. On a PostgreSQL run both directions between
// the two databases are tested; on a SQLite run, SQLite to SQLite.

const NOW = new Date('2026-12-07T12:00:00.000Z');
const at = (time: string) => `2026-12-07T${time}.000Z`;
const SHARED_EMAIL = 'guard@shared.example';

const directions: [DialectName, DialectName][] = isTestingPostgres()
  ? [
      ['postgres', 'sqlite'],
      ['sqlite', 'postgres'],
    ]
  : [['sqlite', 'sqlite']];

interface Built {
  readonly organizationId: string;
  readonly token: Credentials;
  readonly locationId: string;
  readonly executionId: string;
  readonly mediaId: string;
}

function send(server: TestServer, method: string, url: string, who: Credentials, payload?: object) {
  return server.app.inject({
    method: method as 'GET',
    url,
    headers: who.headers,
    ...(payload ? { payload } : {}),
  });
}

async function created<T>(response: { statusCode: number; body: string; json<U>(): U }) {
  assert.equal(response.statusCode, 201, response.body);
  return response.json<T>();
}

/** A small but complete organization, made the way the web apps and integrators make one. */
async function buildOrganization(server: TestServer, name: string): Promise<Built> {
  const owner = await signUpOrganization(server, name);
  const token = await createApiToken(server, owner);
  const location = await created<{ id: string }>(
    await send(server, 'POST', '/api/locations', token, { name: 'Depot', timeZone: 'UTC' }),
  );
  // A second version of the location: history ids past 1, and a snapshot naming the first.
  assert.equal(
    (await send(server, 'PATCH', `/api/locations/${location.id}`, token, { address: 'Dock 4' }))
      .statusCode,
    200,
  );
  const points: { id: string; qrCode: string }[] = [];
  for (const pointName of ['Gate', 'Yard'])
    points.push(
      await created(
        await send(server, 'POST', '/api/points', token, {
          locationId: location.id,
          name: pointName,
        }),
      ),
    );
  const guard = await signInMember(server, owner, 'USER', {
    email: name === 'Acme Security' ? SHARED_EMAIL : `guard@${randomUUID().slice(0, 8)}.example`,
    locationIds: [location.id],
  });
  const planned = await created<TaskExecutionInfo>(
    await send(server, 'POST', '/api/task-executions', token, {
      assigneeIds: [guard.user.id],
      locationId: location.id,
      name: 'Night round',
      description: null,
      recurrence: { rule: 'FREQ=DAILY;COUNT=3', exception: null },
      startAt: at('18:00:00'),
      endAt: at('21:00:00'),
      priority: 'NORMAL',
      orderStepsRequired: false,
      strictTimeRequired: false,
      deadlined: false,
      tags: ['night'],
      steps: points.map((point, order) => ({
        pointId: point.id,
        name: `Step ${order + 1}`,
        order,
        actions: [
          { name: 'Locked', type: 'BOOLEAN', order: 0, required: true },
          { name: 'Temperature', type: 'NUMBER', order: 1, required: false, maxValue: 30 },
        ],
      })),
    }),
  );
  const writes = [
    { type: 'SEEN' },
    { type: 'STARTED', deviceTime: at('18:01:00') },
    {
      type: 'CHECKED_IN',
      stepId: planned.steps[0]!.id,
      method: 'QR',
      code: points[0]!.qrCode,
    },
    { type: 'VALUE_RECORDED', actionId: planned.steps[0]!.actions[0]!.id, booleanValue: true },
    { type: 'VALUE_RECORDED', actionId: planned.steps[0]!.actions[1]!.id, numberValue: 35 },
    { type: 'FINISHED', deviceTime: at('18:40:00') },
  ];
  for (const write of writes)
    await created(
      await send(server, 'POST', `/api/task-executions/${planned.id}/events`, guard, {
        id: randomUUID(),
        ...write,
      }),
    );
  const photo = await uploadPhoto(server, guard, { capture: 'CAMERA' });
  await created(
    await send(server, 'POST', '/api/issues', guard, {
      locationId: location.id,
      pointId: points[1]!.id,
      taskExecutionId: planned.id,
      category: 'DAMAGE',
      severity: 'HIGH',
      title: 'Broken fence',
      mediaIds: [photo.id],
    }),
  );
  return {
    organizationId: owner.organizationId,
    token,
    locationId: location.id,
    executionId: planned.id,
    mediaId: photo.id,
  };
}

/** What integrators read: the same calls on both installations must answer the same. */
const READS = [
  `/api/task-executions/info?from=${at('00:00:00')}&to=2026-12-10T00:00:00.000Z`,
  '/api/locations',
  '/api/points',
  '/api/issues',
];

async function readAll(server: TestServer, token: Credentials) {
  const answers: Record<string, unknown> = {};
  for (const url of READS) {
    const response = await send(server, 'GET', url, token);
    assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
    answers[url] = response.json();
  }
  return answers;
}

/** The answers with every history id blanked, for installations that numbered them differently. */
function withoutHistoryIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutHistoryIds);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      /(^h|H)istoryIds?$/.test(key) ? '(history id)' : withoutHistoryIds(item),
    ]),
  );
}

function archiveDependencies(server: TestServer) {
  return {
    database: server.deps.database,
    storage: server.deps.mediaStorage,
    version: server.deps.version,
    now: () => server.deps.clock.now(),
  };
}

const newServer = (dialect: DialectName) =>
  createTestServer({ dialect, overrides: { clock: createFixedClock(NOW) } });

for (const [sourceDialect, targetDialect] of directions) {
  describe(`moving an organization from ${sourceDialect} to ${targetDialect}`, () => {
    let source: TestServer;
    let folder: string;
    let acme: Built;
    let file: string;
    let manifest: ArchiveManifest;

    before(async () => {
      folder = mkdtempSync(path.join(tmpdir(), 'openpatrol-archive-'));
      source = await newServer(sourceDialect);
      // Another organization beside it, which must not travel along.
      await buildOrganization(source, 'Other Guards');
      acme = await buildOrganization(source, 'Acme Security');
      file = path.join(folder, 'acme.json.gz');
      ({ manifest } = await exportOrganization(archiveDependencies(source), {
        organizationId: acme.organizationId,
        to: file,
      }));
    });
    after(async () => {
      await source.close();
      rmSync(folder, { recursive: true, force: true });
    });

    it('the manifest counts the organization’s rows only, and its media', async () => {
      assert.equal(manifest.organization.id, acme.organizationId);
      assert.equal(manifest.sourceDialect, sourceDialect);
      assert.match(manifest.schemaMigration, /^\d{8}T\d{4}-/);
      assert.equal(manifest.tables.organizations!.count, 1);
      assert.equal(manifest.tables.task_executions!.count, 3);
      assert.equal(manifest.tables.task_execution_events!.count, 6);
      assert.equal(manifest.tables.issues!.count, 1);
      const members = await source.deps.database.db
        .selectFrom('members')
        .select('id')
        .where('organizationId', '=', acme.organizationId)
        .execute();
      assert.equal(manifest.tables.members!.count, members.length);
      assert.equal(manifest.tables.people!.count, members.length);
      // The photo and its thumbnail.
      assert.equal(manifest.media.length, 2);
      assert.deepEqual(manifest.missingMedia, []);
    });

    it('a fresh installation answers exactly as the old one, with the same token, media and intact event logs', async () => {
      const target = await newServer(targetDialect);
      try {
        const result = await importOrganization(archiveDependencies(target), { from: file });
        assert.equal(result.reusedPeople, 0);
        assert.equal(result.mediaCount, 2);
        assert.deepEqual(await readAll(target, acme.token), await readAll(source, acme.token));

        const photo = await send(target, 'GET', `/api/media/${acme.mediaId}`, acme.token);
        assert.equal(photo.statusCode, 200);
        const original = await send(source, 'GET', `/api/media/${acme.mediaId}`, acme.token);
        assert.deepEqual(photo.rawPayload, original.rawPayload);

        const integrity = await send(
          target,
          'GET',
          `/api/task-executions/${acme.executionId}/integrity`,
          acme.token,
        );
        assert.equal(integrity.json<{ valid: boolean }>().valid, true, integrity.body);
        const verified = await target.deps.performingService.verifyAllEvents();
        assert.deepEqual(verified, { executionCount: 3, eventCount: 6, invalid: [] });

        // Only Acme moved.
        const organizations = await target.deps.database.db
          .selectFrom('organizations')
          .select('id')
          .execute();
        assert.deepEqual(organizations, [{ id: acme.organizationId }]);

        // The installation keeps numbering versions after the imported ones.
        const edited = await send(
          target,
          'PATCH',
          `/api/locations/${acme.locationId}`,
          acme.token,
          {
            name: 'Depot North',
          },
        );
        assert.equal(edited.statusCode, 200, edited.body);
        const history = await send(
          target,
          'GET',
          `/api/locations/${acme.locationId}/history`,
          acme.token,
        );
        assert.equal(history.json<unknown[]>().length, 3);
      } finally {
        await target.close();
      }
    });

    it('an installation in use renumbers history ids and lets a member keep their account there', async () => {
      const target = await newServer(targetDialect);
      try {
        // The shared guard already works for a company here, with an account of their own.
        const local = await signUpOrganization(target, 'Local Patrols');
        const localGuard = await signInMember(target, local, 'USER', { email: SHARED_EMAIL });
        await buildOrganization(target, 'Local Cleaning');

        const result = await importOrganization(archiveDependencies(target), { from: file });
        assert.equal(result.reusedPeople, 1);
        const people = await target.deps.database.db
          .selectFrom('people')
          .select('id')
          .where('email', '=', SHARED_EMAIL)
          .execute();
        assert.equal(people.length, 1);
        const memberships = await target.deps.database.db
          .selectFrom('members')
          .select('organizationId')
          .where('personId', '=', people[0]!.id)
          .orderBy('organizationId')
          .execute();
        assert.deepEqual(
          memberships.map((member) => member.organizationId).sort(),
          [local.organizationId, acme.organizationId].sort(),
        );
        assert.ok(localGuard.user.id);

        const before = await readAll(source, acme.token);
        const moved = await readAll(target, acme.token);
        assert.deepEqual(withoutHistoryIds(moved), withoutHistoryIds(before));
        assert.notDeepEqual(moved, before, 'history ids moved past the installation’s own');

        const verified = await target.deps.performingService.verifyAllEvents({
          organizationId: acme.organizationId,
        });
        assert.deepEqual(verified.invalid, []);
        assert.equal(verified.eventCount, 6);

        // Versions made before and after the move read back through their renumbered ids.
        const edited = await send(
          target,
          'PATCH',
          `/api/locations/${acme.locationId}`,
          acme.token,
          {
            name: 'Depot North',
          },
        );
        assert.equal(edited.statusCode, 200, edited.body);
        const history = (
          await send(target, 'GET', `/api/locations/${acme.locationId}/history`, acme.token)
        ).json<{ historyId: number; location: { address: string | null } }[]>();
        assert.equal(history.length, 3);
        assert.equal(new Set(history.map((version) => version.historyId)).size, 3);
        const info = await send(
          target,
          'GET',
          `/api/task-executions/${acme.executionId}`,
          acme.token,
        );
        assert.equal(info.statusCode, 200, info.body);
        assert.ok(
          history.some(
            (version) =>
              version.historyId === info.json<{ locationHistoryId: number }>().locationHistoryId,
          ),
          'the execution points at a version of its location that exists here',
        );
      } finally {
        await target.close();
      }
    });
  });
}

describe('import-organization refusals', () => {
  let source: TestServer;
  let target: TestServer;
  let folder: string;
  let file: string;
  let acme: Built;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'openpatrol-archive-'));
    source = await newServer(isTestingPostgres() ? 'postgres' : 'sqlite');
    target = await newServer('sqlite');
    acme = await buildOrganization(source, 'Acme Security');
    file = path.join(folder, 'acme.json.gz');
    await exportOrganization(archiveDependencies(source), {
      organizationId: acme.organizationId,
      to: file,
    });
  });
  after(async () => {
    await source.close();
    await target.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** The archive's lines, changed by `edit`, written to a new file. */
  function rewritten(name: string, edit: (lines: string[]) => string[]) {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const copy = path.join(folder, name);
    writeFileSync(copy, gzipSync(`${edit(lines).join('\n')}\n`));
    return copy;
  }

  async function refusal(from: string): Promise<string> {
    const error = await importOrganization(archiveDependencies(target), { from }).then(
      () => assert.fail('the import was expected to be refused'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof OperationFailed, String(error));
    const organizations = await target.deps.database.db
      .selectFrom('organizations')
      .select('id')
      .where('id', '=', acme.organizationId)
      .execute();
    const people = await target.deps.database.db.selectFrom('people').select('id').execute();
    assert.deepEqual([organizations, people.length], [[], 0], 'nothing was written');
    return error.message;
  }

  it('refuses a file exported at another schema version, naming both', async () => {
    const message = await refusal(
      rewritten('older.json.gz', (lines) =>
        lines.map((line) =>
          line.startsWith('{"manifest"')
            ? line.replace(
                /"schemaMigration":"[^"]+"/,
                '"schemaMigration":"20261204T1700-create-issues"',
              )
            : line,
        ),
      ),
    );
    assert.match(message, /exported at schema version 20261204T1700-create-issues/);
    assert.match(message, /this installation is at 2026/);
  });

  it('refuses a file whose rows were changed, naming the table', async () => {
    const message = await refusal(
      rewritten('tampered.json.gz', (lines) =>
        lines.map((line) =>
          line.startsWith('{"table":"task_execution_events"')
            ? line.replace(/booleanValue\\":true/, 'booleanValue\\":false')
            : line,
        ),
      ),
    );
    assert.match(message, /is corrupted/);
    assert.match(message, /table task_execution_events: 6 rows/);
  });

  it('refuses a file cut short', async () => {
    const copy = path.join(folder, 'cut.json.gz');
    const whole = readFileSync(file);
    writeFileSync(copy, whole.subarray(0, Math.floor(whole.length / 2)));
    assert.match(await refusal(copy), /is corrupted: unexpected end of file/);
    // Cut at a line boundary the gzip stream is whole, but the manifest is missing.
    const withoutManifest = rewritten('no-manifest.json.gz', (lines) => lines.slice(0, -1));
    assert.match(await refusal(withoutManifest), /is incomplete: it has no manifest/);
  });

  it('refuses a file that is not an export', async () => {
    const copy = path.join(folder, 'notes.txt');
    writeFileSync(copy, 'not an export');
    assert.match(await refusal(copy), /is corrupted: incorrect header check/);
  });

  it('refuses an organization that already exists, and names it', async () => {
    await importOrganization(archiveDependencies(target), { from: file });
    const error = await importOrganization(archiveDependencies(target), { from: file }).then(
      () => assert.fail('the second import was expected to be refused'),
      (caught: unknown) => caught as Error,
    );
    assert.ok(error instanceof OperationFailed);
    assert.match(
      error.message,
      new RegExp(`Organization ${acme.organizationId} \\("Acme Security"\\) already exists`),
    );
    const members = await target.deps.database.db
      .selectFrom('members')
      .select('id')
      .where('organizationId', '=', acme.organizationId)
      .execute();
    const sourceMembers = await source.deps.database.db
      .selectFrom('members')
      .select('id')
      .where('organizationId', '=', acme.organizationId)
      .execute();
    assert.equal(members.length, sourceMembers.length, 'no row was added twice');
  });
});
