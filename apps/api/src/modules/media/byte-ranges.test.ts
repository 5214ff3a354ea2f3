import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseByteRange } from './byte-ranges.js';

describe('parseByteRange', () => {
  it('reads a closed, an open-ended and a suffix range', () => {
    assert.deepEqual(parseByteRange('bytes=0-99', 1000), { start: 0, end: 99 });
    assert.deepEqual(parseByteRange('bytes=900-', 1000), { start: 900, end: 999 });
    assert.deepEqual(parseByteRange('bytes=-100', 1000), { start: 900, end: 999 });
  });

  it('cuts a range that runs past the end at the last byte', () => {
    assert.deepEqual(parseByteRange('bytes=500-5000', 1000), { start: 500, end: 999 });
    assert.deepEqual(parseByteRange('bytes=-5000', 1000), { start: 0, end: 999 });
  });

  it('calls a range starting past the end unsatisfiable', () => {
    assert.equal(parseByteRange('bytes=1000-', 1000), 'unsatisfiable');
    assert.equal(parseByteRange('bytes=-0', 1000), 'unsatisfiable');
  });

  it('sends the whole file for no range, several ranges, or a range it cannot read', () => {
    assert.equal(parseByteRange(undefined, 1000), null);
    assert.equal(parseByteRange('bytes=0-1,5-6', 1000), null);
    assert.equal(parseByteRange('items=0-1', 1000), null);
    assert.equal(parseByteRange('bytes=9-3', 1000), null);
    assert.equal(parseByteRange('bytes=-', 1000), null);
  });
});
