import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import {
  assertValidStorageKey,
  createDiskMediaStorage,
  type MediaStorage,
} from './media-storage.js';

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('disk media storage', () => {
  let root: string;
  let storage: MediaStorage;

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'openpatrol-storage-'));
    storage = createDiskMediaStorage(root);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

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

  it('reads a byte range, both ends included', async () => {
    await storage.put('org/cd/range', Buffer.from('0123456789'));
    const part = await storage.get('org/cd/range', { start: 2, end: 5 });
    assert.equal((await readAll(part!.body)).toString(), '2345');
    assert.equal(part?.size, 10);
  });

  it('leaves nothing behind when the bytes fail half-way', async () => {
    async function* failing() {
      yield Buffer.from('partial');
      throw new Error('connection lost');
    }
    await assert.rejects(storage.put('org/ef/broken', Readable.from(failing())), /connection lost/);
    assert.equal(await storage.get('org/ef/broken'), null);
    assert.deepEqual(readdirSync(path.join(root, 'org/ef')), []);
  });

  it('refuses keys that could leave its folder', async () => {
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
