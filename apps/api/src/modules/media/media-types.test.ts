import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../config.js';
import { makePng } from '../../test-support/media-uploads.js';
import { canonicalDeclaredType, sniffMediaType } from './media-types.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((part) =>
      typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part),
    ),
  );

describe('sniffMediaType', () => {
  it('recognises each accepted format by its first bytes', () => {
    assert.equal(sniffMediaType(bytes([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
    assert.equal(sniffMediaType(makePng(1, 1)), 'image/png');
    assert.equal(sniffMediaType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')), 'image/webp');
    assert.equal(sniffMediaType(bytes('GIF89a')), 'image/gif');
    assert.equal(sniffMediaType(bytes([0, 0, 0, 0x20], 'ftypisom')), 'video/mp4');
    assert.equal(sniffMediaType(bytes([0, 0, 0, 0x14], 'ftypqt  ')), 'video/quicktime');
    assert.equal(
      sniffMediaType(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84], 'webm')),
      'video/webm',
    );
  });

  it('recognises nothing in an executable, a PDF, text, or a HEIC photo', () => {
    assert.equal(sniffMediaType(bytes('MZ', [0x90, 0])), null);
    assert.equal(sniffMediaType(bytes('%PDF-1.7')), null);
    assert.equal(sniffMediaType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')), null);
    assert.equal(sniffMediaType(bytes([0, 0, 0, 0x18], 'ftypheic')), null);
    assert.equal(sniffMediaType(Buffer.alloc(0)), null);
  });

  it('tells WebM from other Matroska files', () => {
    assert.equal(sniffMediaType(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f], 'matroska')), null);
  });
});

describe('canonicalDeclaredType', () => {
  it('drops parameters and case and resolves the names phones use', () => {
    assert.equal(canonicalDeclaredType('Image/JPEG; charset=binary'), 'image/jpeg');
    assert.equal(canonicalDeclaredType('image/jpg'), 'image/jpeg');
    assert.equal(canonicalDeclaredType('video/x-m4v'), 'video/mp4');
  });

  it('takes application/octet-stream and no type as "unknown"', () => {
    assert.equal(canonicalDeclaredType('application/octet-stream'), null);
    assert.equal(canonicalDeclaredType(undefined), null);
  });
});

describe('media settings', () => {
  it('accept 15 MiB of the common photo and video types by default', () => {
    const config = loadConfig({});
    assert.equal(config.mediaMaxBytes, 15 * 1024 * 1024);
    assert.deepEqual(config.mediaTypes, [
      'image/jpeg',
      'image/png',
      'image/webp',
      'video/mp4',
      'video/webm',
    ]);
  });

  it('read MEDIA_TYPES as a comma-separated list', () => {
    const config = loadConfig({
      MEDIA_TYPES: ' image/JPEG, video/quicktime ,',
      MEDIA_MAX_BYTES: '1000',
    });
    assert.deepEqual(config.mediaTypes, ['image/jpeg', 'video/quicktime']);
    assert.equal(config.mediaMaxBytes, 1000);
  });

  it('refuse a type the upload could not recognise from the bytes', () => {
    assert.throws(
      () => loadConfig({ MEDIA_TYPES: 'image/jpeg,image/svg+xml' }),
      (error: unknown) =>
        error instanceof ConfigError && /MEDIA_TYPES lists image\/svg\+xml/.test(error.message),
    );
  });
});
