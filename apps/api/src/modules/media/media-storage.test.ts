import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { findFreePort } from '../../test-support/free-port.js';
import { startTestS3Server, type TestS3Server } from '../../test-support/s3-server.js';
import {
  assertValidStorageKey,
  createDiskMediaStorage,
  type MediaStorage,
} from './media-storage.js';
import { createS3MediaStorage } from './s3-media-storage.js';

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function* failHalfWay() {
  yield Buffer.from('partial');
  throw new Error('connection lost');
}

/**
 * The MediaStorage contract (media-storage.ts), the same for every driver. `leftovers` lists
 * what a failed put may have left in the driver's own places (files, spooled uploads).
 */
function describeStorageContract(
  driver: string,
  open: () => Promise<{
    storage: MediaStorage;
    leftovers: () => string[];
    close: () => Promise<void>;
  }>,
) {
  describe(`${driver} media storage`, () => {
    let storage: MediaStorage;
    let leftovers: () => string[];
    let close: () => Promise<void>;

    before(async () => {
      ({ storage, leftovers, close } = await open());
    });
    after(() => close());

    it('keeps bytes from a stream or a buffer under their key, and deletes them', async () => {
      await storage.put('org/ab/one', Readable.from([Buffer.from('hello '), Buffer.from('world')]));
      await storage.put('org/ab/two', Buffer.from('second'));
      const one = await storage.get('org/ab/one');
      assert.equal(one?.size, 11);
      assert.equal((await readAll(one.body)).toString(), 'hello world');
      assert.equal((await readAll((await storage.get('org/ab/two'))!.body)).toString(), 'second');

      await storage.delete('org/ab/two');
      await storage.delete('org/ab/two');
      assert.equal(await storage.get('org/ab/two'), null);
    });

    it('replaces an object put twice under one key', async () => {
      await storage.put('org/ab/again', Buffer.from('first version'));
      await storage.put('org/ab/again', Buffer.from('second'));
      const object = await storage.get('org/ab/again');
      assert.equal(object?.size, 6);
      assert.equal((await readAll(object.body)).toString(), 'second');
    });

    it('reads a byte range, both ends included, and reports the whole size', async () => {
      await storage.put('org/cd/range', Buffer.from('0123456789'));
      const part = await storage.get('org/cd/range', { start: 2, end: 5 });
      assert.equal((await readAll(part!.body)).toString(), '2345');
      assert.equal(part?.size, 10);
    });

    it('answers null for a key that was never stored', async () => {
      assert.equal(await storage.get('org/zz/never'), null);
    });

    it('leaves nothing behind when the bytes fail half-way', async () => {
      await assert.rejects(
        storage.put('org/ef/broken', Readable.from(failHalfWay())),
        /connection lost/,
      );
      assert.equal(await storage.get('org/ef/broken'), null);
      assert.deepEqual(leftovers(), []);
    });

    it('refuses keys that could leave its namespace', async () => {
      for (const key of [
        '../escape',
        'org/../../etc/passwd',
        '/absolute',
        'org//double',
        '',
        'a/./b',
        'a\\b',
      ]) {
        assert.throws(() => assertValidStorageKey(key), /Not a valid media storage key/, key);
        await assert.rejects(storage.put(key, Buffer.from('x')), /Not a valid media storage key/);
      }
    });
  });
}

describeStorageContract('disk', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'openpatrol-storage-'));
  return {
    storage: createDiskMediaStorage(root),
    // Only the failed upload's folder: other tests keep their objects.
    leftovers: () => readdirSync(path.join(root, 'org/ef')),
    close: async () => rmSync(root, { recursive: true, force: true }),
  };
});

describeStorageContract('S3', async () => {
  const server = await startTestS3Server();
  const spoolDirectory = mkdtempSync(path.join(tmpdir(), 'openpatrol-spool-'));
  return {
    storage: createS3MediaStorage({ ...server.settings, spoolDirectory }),
    leftovers: () => [
      ...readdirSync(spoolDirectory),
      ...server.requests.filter(
        (request) => request.includes('/org/ef/broken') && request.startsWith('PUT'),
      ),
    ],
    close: async () => {
      await server.close();
      rmSync(spoolDirectory, { recursive: true, force: true });
    },
  };
});

describe('S3 media storage against a service that refuses it', () => {
  let server: TestS3Server;
  before(async () => {
    server = await startTestS3Server();
  });
  after(() => server.close());

  it('fails with the service’s error code when the secret is wrong, storing nothing', async () => {
    const storage = createS3MediaStorage({ ...server.settings, secretAccessKey: 'not-the-secret' });
    await assert.rejects(
      storage.put('org/gh/refused', Buffer.from('x')),
      /S3 PUT org\/gh\/refused answered 403 SignatureDoesNotMatch/,
    );
    assert.deepEqual(server.requests, []);
  });

  it('fails when the service cannot be reached, keeping no spooled upload', async () => {
    const spoolDirectory = mkdtempSync(path.join(tmpdir(), 'openpatrol-spool-'));
    try {
      const storage = createS3MediaStorage({
        ...server.settings,
        endpoint: `http://127.0.0.1:${await findFreePort()}`,
        spoolDirectory,
      });
      await assert.rejects(
        storage.put('org/gh/unreachable', Readable.from([Buffer.from('bytes')])),
        /ECONNREFUSED/,
      );
      assert.deepEqual(readdirSync(spoolDirectory), []);
    } finally {
      rmSync(spoolDirectory, { recursive: true, force: true });
    }
  });

  it('fails naming the bucket error when the bucket does not exist', async () => {
    const storage = createS3MediaStorage({ ...server.settings, bucket: 'no-such-bucket' });
    await assert.rejects(storage.put('org/gh/lost', Buffer.from('x')), /404 NoSuchBucket/);
  });
});
