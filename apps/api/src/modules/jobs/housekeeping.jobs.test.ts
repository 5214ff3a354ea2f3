import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import type { DatabaseHandle } from '../../database/database.js';
import { createFixedClock } from '../../shared/clock.js';
import { createTestDatabase } from '../../test-support/test-database.js';
import {
  HOUSEKEEPING_INTERVAL_MS,
  HOUSEKEEPING_JOB,
  housekeepingJob,
  scheduleHousekeeping,
} from './housekeeping.jobs.js';
import { createWorker } from './worker.js';

describe('housekeeping job', () => {
  let database: DatabaseHandle;
  const now = new Date('2027-03-10T12:00:00.000Z');
  const ago = (millis: number) => new Date(now.getTime() - millis).toISOString();
  const later = (millis: number) => new Date(now.getTime() + millis).toISOString();
  const MINUTE = 60_000;
  const HOUR = 60 * MINUTE;
  const DAY = 24 * HOUR;

  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.destroy());

  const session = (tokenHash: string, expiresAt: string) => ({
    tokenHash,
    personId: null,
    organizationId: null,
    memberId: null,
    deviceId: null,
    csrfToken: 'csrf',
    createdAt: ago(30 * DAY),
    lastSeenAt: ago(DAY),
    expiresAt,
    userAgent: null,
    ip: null,
  });
  const oneTimeToken = (tokenHash: string, expiresAt: string, usedAt: string | null) => ({
    tokenHash,
    purpose: 'PASSWORD_RESET' as const,
    organizationId: null,
    personId: null,
    memberId: null,
    createdAt: ago(30 * DAY),
    expiresAt,
    usedAt,
  });
  const idempotencyKey = (key: string, expiresAt: string) => ({
    owner: 'member:m1',
    key,
    organizationId: 'o1',
    method: 'POST',
    path: '/api/points',
    requestHash: 'hash',
    statusCode: 201,
    responseBody: '{}',
    responseContentType: 'application/json',
    createdAt: ago(2 * DAY),
    expiresAt,
  });
  const job = (
    id: string,
    fields: { completedAt?: string; failedAt?: string; runAt?: string },
  ) => ({
    id,
    organizationId: null,
    type: 'old-work',
    payload: '{}',
    uniqueKey: null,
    runAt: fields.runAt ?? ago(30 * DAY),
    attempts: 1,
    maxAttempts: 10,
    lockedBy: null,
    lockedUntil: null,
    lastError: null,
    createdAt: ago(30 * DAY),
    completedAt: fields.completedAt ?? null,
    failedAt: fields.failedAt ?? null,
  });

  it('deletes exactly what has outlived its use, keeps the rest, and schedules its next run an hour later', async () => {
    const { db } = database;
    await db
      .insertInto('sessions')
      .values([session('expired', ago(MINUTE)), session('current', later(MINUTE))])
      .execute();
    await db
      .insertInto('signInFailures')
      .values([
        { throttleKey: 'old', failedAt: ago(DAY + MINUTE) },
        { throttleKey: 'recent', failedAt: ago(DAY - MINUTE) },
      ])
      .execute();
    await db
      .insertInto('oneTimeTokens')
      .values([
        oneTimeToken('used-long-ago', later(DAY), ago(8 * DAY)),
        oneTimeToken('expired-long-ago', ago(8 * DAY), null),
        oneTimeToken('used-recently', later(DAY), ago(6 * DAY)),
        oneTimeToken('expired-recently', ago(6 * DAY), null),
        oneTimeToken('still-valid', later(DAY), null),
      ])
      .execute();
    await db
      .insertInto('idempotencyKeys')
      .values([idempotencyKey('expired', ago(MINUTE)), idempotencyKey('current', later(MINUTE))])
      .execute();
    await db
      .insertInto('jobs')
      .values([
        job('completed-long-ago', { completedAt: ago(8 * DAY) }),
        job('completed-recently', { completedAt: ago(6 * DAY) }),
        job('failed-long-ago', { failedAt: ago(30 * DAY) }),
        job('pending', { runAt: later(DAY) }),
      ])
      .execute();
    const { id: housekeepingId } = await scheduleHousekeeping(db, now);

    const worker = createWorker({
      database,
      clock: createFixedClock(now),
      logger: pino({ level: 'silent' }),
      handlers: { [HOUSEKEEPING_JOB]: housekeepingJob },
      workerId: 'test-worker',
    });
    assert.equal(await worker.runOnce(), 1);

    const column = async <T>(rows: Promise<T[]>, pick: (row: T) => string) =>
      (await rows).map(pick).sort();
    assert.deepEqual(
      await column(db.selectFrom('sessions').select('tokenHash').execute(), (row) => row.tokenHash),
      ['current'],
    );
    assert.deepEqual(
      await column(
        db.selectFrom('signInFailures').select('throttleKey').execute(),
        (row) => row.throttleKey,
      ),
      ['recent'],
    );
    assert.deepEqual(
      await column(
        db.selectFrom('oneTimeTokens').select('tokenHash').execute(),
        (row) => row.tokenHash,
      ),
      ['expired-recently', 'still-valid', 'used-recently'],
    );
    assert.deepEqual(
      await column(db.selectFrom('idempotencyKeys').select('key').execute(), (row) => row.key),
      ['current'],
    );
    const jobs = await db
      .selectFrom('jobs')
      .select(['id', 'type', 'uniqueKey', 'runAt', 'completedAt'])
      .execute();
    assert.deepEqual(
      jobs
        .filter((row) => row.type === 'old-work')
        .map((row) => row.id)
        .sort(),
      ['completed-recently', 'failed-long-ago', 'pending'],
    );
    const housekeeping = jobs.filter((row) => row.type === HOUSEKEEPING_JOB);
    assert.deepEqual(
      housekeeping
        .map((row) => [row.id === housekeepingId, row.uniqueKey, row.runAt, row.completedAt])
        .sort(),
      [
        [false, HOUSEKEEPING_JOB, later(HOUSEKEEPING_INTERVAL_MS), null],
        [true, null, now.toISOString(), now.toISOString()],
      ],
    );
  });

  it('is scheduled once however many workers start', async () => {
    await database.db.deleteFrom('jobs').execute();
    const results = await Promise.all([1, 2, 3].map(() => scheduleHousekeeping(database.db, now)));
    assert.deepEqual(results.map((result) => result.enqueued).sort(), [false, false, true]);
  });
});
