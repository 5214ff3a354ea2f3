import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newId } from './ids.js';

describe('newId', () => {
  it('is a version 7, variant 10 UUID carrying the milliseconds it was made at', () => {
    // 2026-12-04T19:00:00.000Z is 1796410800000 ms = 0x01a2426d7780.
    const id = newId(Date.parse('2026-12-04T19:00:00.000Z'));
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(id.slice(0, 13).replace('-', ''), '01a2426d7780');
  });

  it('sorts by creation time across milliseconds and never repeats', () => {
    const ids = Array.from({ length: 1000 }, (_, index) => newId(1_796_410_800_000 + index));
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(Array.from({ length: 10_000 }, () => newId())).size, 10_000);
  });
});
