import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeNfcTagUid } from './nfc-tag-uids.js';

describe('normalizeNfcTagUid', () => {
  it('writes a UID the way any reader prints it as upper-case hex without separators', () => {
    for (const written of ['04:a2:3b:1c:5d:80:81', '04-A2-3B-1C-5D-80-81', '04 a2 3b 1c 5d 80 81'])
      assert.equal(normalizeNfcTagUid(written), '04A23B1C5D8081');
  });

  it('refuses what is not 4 to 10 whole bytes of hex', () => {
    for (const written of ['04A23B', '04A23B1C5', 'not a tag', '04A23B1C5D8081A2B3C4D5'])
      assert.equal(normalizeNfcTagUid(written), null, written);
  });
});
