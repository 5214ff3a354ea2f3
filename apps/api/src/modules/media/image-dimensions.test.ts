import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Jimp, JimpMime } from 'jimp';
import { makeJpegWithOrientation, makePng } from '../../test-support/media-uploads.js';
import { readImageDimensions } from './image-dimensions.js';

describe('readImageDimensions', () => {
  it('reads a PNG’s size from its header', () => {
    assert.deepEqual(readImageDimensions(makePng(123, 45), 'image/png'), {
      width: 123,
      height: 45,
    });
  });

  it('reads a JPEG’s size from its frame header', async () => {
    const jpeg = await new Jimp({ width: 640, height: 480, color: 0xff0000ff }).getBuffer(
      JimpMime.jpeg,
    );
    assert.deepEqual(readImageDimensions(jpeg, 'image/jpeg'), { width: 640, height: 480 });
  });

  it('swaps width and height of a JPEG whose EXIF turns it a quarter', async () => {
    const portrait = await makeJpegWithOrientation(640, 480, 6);
    assert.deepEqual(readImageDimensions(portrait, 'image/jpeg'), { width: 480, height: 640 });
    const upsideDown = await makeJpegWithOrientation(640, 480, 3);
    assert.deepEqual(readImageDimensions(upsideDown, 'image/jpeg'), { width: 640, height: 480 });
  });

  it('reads the three kinds of WebP header', () => {
    const lossless = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
    assert.deepEqual(readImageDimensions(lossless, 'image/webp'), { width: 1, height: 1 });

    const lossy = Buffer.alloc(30);
    lossy.write('RIFF', 0, 'latin1');
    lossy.write('WEBPVP8 ', 8, 'latin1');
    lossy.set([0x9d, 0x01, 0x2a], 23);
    lossy.writeUInt16LE(1920, 26);
    lossy.writeUInt16LE(1080, 28);
    assert.deepEqual(readImageDimensions(lossy, 'image/webp'), { width: 1920, height: 1080 });

    const extended = Buffer.alloc(30);
    extended.write('RIFF', 0, 'latin1');
    extended.write('WEBPVP8X', 8, 'latin1');
    extended.writeUIntLE(4000 - 1, 24, 3);
    extended.writeUIntLE(3000 - 1, 27, 3);
    assert.deepEqual(readImageDimensions(extended, 'image/webp'), { width: 4000, height: 3000 });
  });

  it('reads a GIF’s logical screen size', () => {
    const gif = Buffer.alloc(13);
    gif.write('GIF89a', 0, 'latin1');
    gif.writeUInt16LE(300, 6);
    gif.writeUInt16LE(200, 8);
    assert.deepEqual(readImageDimensions(gif, 'image/gif'), { width: 300, height: 200 });
  });

  it('gives null for a header cut short, a zero size, or a video', () => {
    assert.equal(readImageDimensions(makePng(10, 10).subarray(0, 18), 'image/png'), null);
    assert.equal(
      readImageDimensions(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'image/jpeg'),
      null,
    );
    const zero = Buffer.alloc(13);
    zero.write('GIF89a', 0, 'latin1');
    assert.equal(readImageDimensions(zero, 'image/gif'), null);
    assert.equal(readImageDimensions(Buffer.alloc(64), 'video/mp4'), null);
  });
});
