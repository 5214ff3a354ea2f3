import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Jimp } from 'jimp';
import type { Problem } from '../../shared/problem.schemas.js';
import {
  createApiToken,
  createUser,
  signInMember,
  signUpOrganization,
  type Credentials,
  type SignedUpOrganization,
} from '../../test-support/factories.js';
import {
  buildMultipartBody,
  makeJpeg,
  makeJpegWithOrientation,
  makePng,
  uploadPhoto,
  type FormPart,
} from '../../test-support/media-uploads.js';
import {
  MEDIA_STORAGE_DRIVERS,
  type TestMediaStorage,
} from '../../test-support/media-storage-drivers.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import type { Media } from './media.schemas.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A 1 × 1 lossless WebP (the smallest valid one). */
const TINY_WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
/** The start of a Windows executable: what a renamed .exe begins with. */
const EXECUTABLE = Buffer.concat([
  Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
  Buffer.alloc(600),
]);

for (const driver of MEDIA_STORAGE_DRIVERS) {
  describe(`media API (${driver.name} storage)`, () => {
    let server: TestServer;
    let storage: TestMediaStorage;
    let owner: SignedUpOrganization;
    let token: Credentials;
    let manager: Credentials;
    let user: Credentials & { user: { id: string } };
    let otherUser: Credentials;
    let rival: SignedUpOrganization;

    before(async () => {
      storage = await driver.open();
      server = await createTestServer({ env: storage.env });
      owner = await signUpOrganization(server, 'Acme Security');
      token = await createApiToken(server, owner);
      manager = await signInMember(server, owner, 'MANAGER');
      user = await signInMember(server, owner, 'USER');
      otherUser = await signInMember(server, owner, 'USER');
      rival = await signUpOrganization(server, 'Rival Patrols');
    });
    after(async () => {
      await server.close();
      await storage.close();
    });

    const upload = (credentials: Credentials, parts: FormPart[]) => {
      const { payload, headers } = buildMultipartBody(parts);
      return server.app.inject({
        method: 'POST',
        url: '/api/media',
        headers: { ...credentials.headers, ...headers },
        payload,
      });
    };
    const get = (url: string, credentials: Credentials, headers: Record<string, string> = {}) =>
      server.app.inject({ method: 'GET', url, headers: { ...credentials.headers, ...headers } });
    const file = (data: Uint8Array, contentType: string, filename = 'evidence'): FormPart => ({
      name: 'file',
      filename,
      contentType,
      data,
    });
    const countMedia = async () =>
      Number(
        (
          await server.deps.database.db
            .selectFrom('media')
            .select((eb) => eb.fn.countAll().as('count'))
            .executeTakeFirstOrThrow()
        ).count,
      );

    describe('uploadMedia', () => {
      it('stores a PNG with the SHA-256 of its bytes, its size in pixels and a thumbnail', async () => {
        const png = makePng(800, 600);
        const response = await upload(user, [
          { name: 'capture', value: 'CAMERA' },
          file(png, 'image/png', 'gate.png'),
        ]);
        assert.equal(response.statusCode, 201, response.body);
        const media = response.json<Media>();
        assert.deepEqual(
          { ...media, id: undefined, createdAt: undefined },
          {
            id: undefined,
            contentType: 'image/png',
            sizeInBytes: png.length,
            sha256: sha256(png),
            capture: 'CAMERA',
            width: 800,
            height: 600,
            hasThumbnail: true,
            createdAt: undefined,
            uploadedByMemberId: user.user.id,
          },
        );
        assert.match(media.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      });

      it('stores a JPEG whose thumbnail is a JPEG of at most 320 pixels a side', async () => {
        const jpeg = await makeJpeg(1000, 500);
        const media = await uploadPhoto(server, user, { data: jpeg, contentType: 'image/jpeg' });
        assert.equal(media.contentType, 'image/jpeg');
        assert.equal(media.sha256, sha256(jpeg));
        assert.deepEqual([media.width, media.height], [1000, 500]);

        const thumbnail = await get(`/api/media/${media.id}/thumbnail`, user);
        assert.equal(thumbnail.statusCode, 200, thumbnail.body);
        assert.equal(thumbnail.headers['content-type'], 'image/jpeg');
        const decoded = await Jimp.fromBuffer(thumbnail.rawPayload);
        assert.deepEqual([decoded.bitmap.width, decoded.bitmap.height], [320, 160]);
      });

      it('records a portrait photo upright, as its EXIF orientation says, thumbnail too', async () => {
        const photo = await makeJpegWithOrientation(640, 480, 6);
        const media = await uploadPhoto(server, user, { data: photo, contentType: 'image/jpeg' });
        assert.deepEqual([media.width, media.height], [480, 640]);
        const thumbnail = await get(`/api/media/${media.id}/thumbnail`, user);
        const decoded = await Jimp.fromBuffer(thumbnail.rawPayload);
        assert.deepEqual([decoded.bitmap.width, decoded.bitmap.height], [240, 320]);
      });

      it('keeps a small picture at its own size in the thumbnail', async () => {
        const media = await uploadPhoto(server, user, { data: makePng(40, 30) });
        const thumbnail = await get(`/api/media/${media.id}/thumbnail`, user);
        const decoded = await Jimp.fromBuffer(thumbnail.rawPayload);
        assert.deepEqual([decoded.bitmap.width, decoded.bitmap.height], [40, 30]);
      });

      it('records how the field app says the photo was taken, UNKNOWN when it does not say', async () => {
        const gallery = await uploadPhoto(server, user, { capture: 'GALLERY' });
        const unsaid = await uploadPhoto(server, user);
        assert.equal(gallery.capture, 'GALLERY');
        assert.equal(unsaid.capture, 'UNKNOWN');
        const info = await get(`/api/media/${gallery.id}/info`, owner);
        assert.equal(info.json<Media>().capture, 'GALLERY');
      });

      it('refuses a capture value the field app cannot send, naming the field', async () => {
        const response = await upload(user, [
          { name: 'capture', value: 'UNKNOWN' },
          file(makePng(4, 4), 'image/png'),
        ]);
        assert.equal(response.statusCode, 400, response.body);
        const problem = response.json<Problem>();
        assert.equal(problem.type, 'urn:openpatrol:problem:validation-failed');
        assert.deepEqual(
          problem.errors?.map((error) => [error.in, error.pointer]),
          [['body', '/capture']],
        );
      });

      it('stores a retried upload with the same clientId once and answers 200 with the first', async () => {
        const clientId = randomUUID();
        const png = makePng(20, 20);
        const first = await upload(user, [
          { name: 'clientId', value: clientId },
          { name: 'capture', value: 'CAMERA' },
          file(png, 'image/png'),
        ]);
        assert.equal(first.statusCode, 201, first.body);
        const rowsBefore = await countMedia();
        const filesBefore = storage.listStoredObjects().length;

        const retry = await upload(user, [
          { name: 'clientId', value: clientId },
          { name: 'capture', value: 'CAMERA' },
          file(png, 'image/png'),
        ]);
        assert.equal(retry.statusCode, 200, retry.body);
        assert.deepEqual(retry.json<Media>(), first.json<Media>());
        assert.equal(await countMedia(), rowsBefore);
        assert.equal(storage.listStoredObjects().length, filesBefore);
      });

      it('records one upload when two with the same clientId race, and keeps one copy', async () => {
        const clientId = randomUUID();
        const filesBefore = storage.listStoredObjects().length;
        const form = (): FormPart[] => [
          { name: 'clientId', value: clientId },
          file(makePng(30, 30), 'image/png'),
        ];
        const responses = await Promise.all([upload(user, form()), upload(user, form())]);
        assert.deepEqual(responses.map((response) => response.statusCode).sort(), [200, 201]);
        const [first, second] = responses.map((response) => response.json<Media>());
        assert.equal(first?.id, second?.id);
        const rows = await server.deps.database.db
          .selectFrom('media')
          .select('id')
          .where('clientId', '=', clientId)
          .execute();
        assert.equal(rows.length, 1);
        // The original and its thumbnail, once.
        assert.equal(storage.listStoredObjects().length, filesBefore + 2);
      });

      it('does not treat the same clientId in another organization as a retry', async () => {
        const clientId = randomUUID();
        const mine = await uploadPhoto(server, user, { clientId });
        const theirs = await upload(rival, [
          { name: 'clientId', value: clientId },
          file(makePng(8, 8), 'image/png'),
        ]);
        assert.equal(theirs.statusCode, 201, theirs.body);
        assert.notEqual(theirs.json<Media>().id, mine.id);
      });

      it('refuses a file declared image/png whose bytes are something else, keeping nothing', async () => {
        const rowsBefore = await countMedia();
        const filesBefore = storage.listStoredObjects().length;
        const response = await upload(user, [file(EXECUTABLE, 'image/png', 'cat.png')]);
        assert.equal(response.statusCode, 415, response.body);
        const problem = response.json<Problem>();
        assert.equal(problem.type, 'urn:openpatrol:problem:media-type-not-allowed');
        assert.equal(problem.errors?.[0]?.pointer, '/file');
        assert.equal(await countMedia(), rowsBefore);
        assert.equal(storage.listStoredObjects().length, filesBefore);
      });

      it('refuses a JPEG declared as a PNG: the declared type must be the real one', async () => {
        const response = await upload(user, [file(await makeJpeg(16, 16), 'image/png')]);
        assert.equal(response.statusCode, 415, response.body);
        assert.match(
          response.json<Problem>().detail,
          /sent as image\/png, but its content is image\/jpeg/,
        );
      });

      it('refuses a type that is not accepted, whatever its bytes', async () => {
        const response = await upload(user, [file(Buffer.from('%PDF-1.7\n'), 'application/pdf')]);
        assert.equal(response.statusCode, 415, response.body);
        assert.equal(
          response.json<Problem>().type,
          'urn:openpatrol:problem:media-type-not-allowed',
        );
      });

      it('lets the bytes decide when the phone sends application/octet-stream', async () => {
        const png = makePng(10, 10);
        const media = await uploadPhoto(server, user, {
          data: png,
          contentType: 'application/octet-stream',
        });
        assert.equal(media.contentType, 'image/png');
      });

      it('accepts a WebP, with its size in pixels but no thumbnail', async () => {
        const media = await uploadPhoto(server, user, {
          data: TINY_WEBP,
          contentType: 'image/webp',
        });
        assert.equal(media.contentType, 'image/webp');
        assert.deepEqual([media.width, media.height, media.hasThumbnail], [1, 1, false]);
        const thumbnail = await get(`/api/media/${media.id}/thumbnail`, user);
        assert.equal(thumbnail.statusCode, 404, thumbnail.body);
        assert.equal(
          thumbnail.json<Problem>().type,
          'urn:openpatrol:problem:media-thumbnail-not-found',
        );
      });

      it('accepts an MP4 video, without pixels or thumbnail', async () => {
        const mp4 = Buffer.concat([
          Buffer.from([0, 0, 0, 0x18]),
          Buffer.from('ftypmp42\0\0\0\0isommp42', 'latin1'),
          Buffer.alloc(64),
        ]);
        const media = await uploadPhoto(server, user, { data: mp4, contentType: 'video/mp4' });
        assert.deepEqual(
          [media.contentType, media.width, media.height, media.hasThumbnail],
          ['video/mp4', null, null, false],
        );
      });

      it('refuses a form without a file', async () => {
        const response = await upload(user, [{ name: 'capture', value: 'CAMERA' }]);
        assert.equal(response.statusCode, 400, response.body);
        assert.deepEqual(
          response.json<Problem>().errors?.map((error) => error.pointer),
          ['/file'],
        );
      });

      it('refuses an empty file', async () => {
        const response = await upload(user, [file(Buffer.alloc(0), 'image/png')]);
        assert.equal(response.statusCode, 400, response.body);
        assert.equal(response.json<Problem>().errors?.[0]?.detail, 'is empty');
      });

      it('refuses fields sent after the file, keeping nothing', async () => {
        const rowsBefore = await countMedia();
        const filesBefore = storage.listStoredObjects().length;
        const response = await upload(user, [
          file(makePng(4, 4), 'image/png'),
          { name: 'capture', value: 'CAMERA' },
        ]);
        assert.equal(response.statusCode, 400, response.body);
        assert.deepEqual(
          response.json<Problem>().errors?.map((error) => [error.pointer, error.detail]),
          [['/capture', 'must come before /file']],
        );
        assert.equal(await countMedia(), rowsBefore);
        assert.equal(storage.listStoredObjects().length, filesBefore);
      });

      it('refuses a second file, keeping neither', async () => {
        const rowsBefore = await countMedia();
        const filesBefore = storage.listStoredObjects().length;
        const response = await upload(user, [
          file(makePng(4, 4), 'image/png'),
          file(makePng(5, 5), 'image/png'),
        ]);
        assert.equal(response.statusCode, 400, response.body);
        assert.deepEqual(
          response.json<Problem>().errors?.map((error) => [error.pointer, error.detail]),
          [['/file', 'must be sent once']],
        );
        assert.equal(await countMedia(), rowsBefore);
        assert.equal(storage.listStoredObjects().length, filesBefore);
      });

      it('refuses an unknown form field', async () => {
        const response = await upload(user, [
          { name: 'caption', value: 'Gate' },
          file(makePng(4, 4), 'image/png'),
        ]);
        assert.equal(response.statusCode, 400, response.body);
        assert.deepEqual(
          response.json<Problem>().errors?.map((error) => error.pointer),
          ['/caption'],
        );
      });

      it('refuses a body cut off before its end, keeping nothing', async () => {
        const rowsBefore = await countMedia();
        const filesBefore = storage.listStoredObjects().length;
        const { payload, headers } = buildMultipartBody([file(makePng(64, 64), 'image/png')]);
        const response = await server.app.inject({
          method: 'POST',
          url: '/api/media',
          headers: { ...user.headers, ...headers },
          payload: payload.subarray(0, payload.length - 60),
        });
        assert.equal(response.statusCode, 400, response.body);
        assert.equal(response.json<Problem>().type, 'urn:openpatrol:problem:malformed-upload');
        assert.equal(await countMedia(), rowsBefore);
        assert.equal(storage.listStoredObjects().length, filesBefore);
      });

      it('refuses a JSON body with 415', async () => {
        const response = await server.app.inject({
          method: 'POST',
          url: '/api/media',
          headers: user.headers,
          payload: { file: 'aGVsbG8=' },
        });
        assert.equal(response.statusCode, 415, response.body);
        assert.equal(
          response.json<Problem>().type,
          'urn:openpatrol:problem:unsupported-media-type',
        );
      });

      it('records an upload by an API token without a member', async () => {
        const media = await uploadPhoto(server, token);
        assert.equal(media.uploadedByMemberId, null);
      });

      it('lets a guard on a shared device upload', async () => {
        const guard = await createUser(server, owner, {
          role: 'GUARD',
          email: null,
          memberNumber: 'G-7',
          pin: '4321',
        });
        const session = await server.deps.authService.startSession(
          server.deps.database.db,
          { personId: null, organizationId: owner.organizationId, memberId: guard.id },
          { ip: '127.0.0.1', userAgent: 'shared phone' },
        );
        const credentials = {
          headers: {
            cookie: `openpatrol_session=${session.token}`,
            'x-csrf-token': session.csrfToken,
          },
        };
        const media = await uploadPhoto(server, credentials);
        assert.equal(media.uploadedByMemberId, guard.id);
        assert.equal((await get(`/api/media/${media.id}`, credentials)).statusCode, 200);
      });
    });

    describe('downloadMedia', () => {
      let png: Buffer;
      let media: Media;

      before(async () => {
        png = makePng(64, 48);
        media = await uploadPhoto(server, user, { data: png, capture: 'CAMERA' });
      });

      it('sends the original bytes with their type, length, ETag and caching headers', async () => {
        const response = await get(`/api/media/${media.id}`, token);
        assert.equal(response.statusCode, 200, response.body);
        assert.deepEqual(response.rawPayload, png);
        assert.equal(response.headers['content-type'], 'image/png');
        assert.equal(response.headers['content-length'], String(png.length));
        assert.equal(response.headers.etag, `"${sha256(png)}"`);
        assert.equal(response.headers['cache-control'], 'private, max-age=31536000, immutable');
        assert.equal(response.headers['x-content-type-options'], 'nosniff');
        assert.match(String(response.headers['content-disposition']), /^inline/);
      });

      it('answers 304 to a client that has the current copy', async () => {
        const response = await get(`/api/media/${media.id}`, token, {
          'if-none-match': `"${media.sha256}"`,
        });
        assert.equal(response.statusCode, 304);
        assert.equal(response.rawPayload.length, 0);
      });

      it('sends the part of the file a Range asks for, so videos can seek', async () => {
        const response = await get(`/api/media/${media.id}`, token, { range: 'bytes=8-15' });
        assert.equal(response.statusCode, 206, response.body);
        assert.deepEqual(response.rawPayload, png.subarray(8, 16));
        assert.equal(response.headers['content-range'], `bytes 8-15/${png.length}`);
        const outside = await get(`/api/media/${media.id}`, token, {
          range: `bytes=${png.length}-`,
        });
        assert.equal(outside.statusCode, 416, outside.body);
        assert.equal(outside.headers['content-range'], `bytes */${png.length}`);
      });

      it('describes the media as JSON', async () => {
        const response = await get(`/api/media/${media.id}/info`, manager);
        assert.equal(response.statusCode, 200, response.body);
        assert.deepEqual(response.json<Media>(), media);
      });

      it('lets the uploader, supervisors and API tokens read it', async () => {
        for (const reader of [user, owner, manager, token]) {
          for (const suffix of ['', '/thumbnail', '/info']) {
            const response = await get(`/api/media/${media.id}${suffix}`, reader);
            assert.equal(response.statusCode, 200, `${suffix}: ${response.body}`);
          }
        }
      });

      it('does not let a user read media another member uploaded', async () => {
        for (const suffix of ['', '/thumbnail', '/info']) {
          const response = await get(`/api/media/${media.id}${suffix}`, otherUser);
          assert.equal(response.statusCode, 404, response.body);
          assert.equal(response.json<Problem>().type, 'urn:openpatrol:problem:media-not-found');
        }
      });

      it('answers 404 to another organization', async () => {
        const rivalToken = await createApiToken(server, rival, 'Rival token');
        for (const caller of [rival, rivalToken]) {
          for (const suffix of ['', '/thumbnail', '/info']) {
            const response = await get(`/api/media/${media.id}${suffix}`, caller);
            assert.equal(response.statusCode, 404, response.body);
          }
        }
      });

      it('answers 404 for an id that was never uploaded', async () => {
        const response = await get(`/api/media/${randomUUID()}`, owner);
        assert.equal(response.statusCode, 404, response.body);
      });
    });

    describe('findMediaOf', () => {
      it('finds the organization’s media by id and leaves out other organizations’ and unknown ids', async () => {
        const mine = await uploadPhoto(server, user, { capture: 'CAMERA' });
        const theirs = await uploadPhoto(server, rival);
        const unknown = randomUUID();
        const found = await server.deps.mediaService.findMediaOf(owner.organizationId, [
          mine.id,
          theirs.id,
          unknown,
          mine.id,
        ]);
        assert.deepEqual([...found.keys()], [mine.id]);
        assert.equal(found.get(mine.id)?.capture, 'CAMERA');
        assert.equal(
          (await server.deps.mediaService.findMediaOf(owner.organizationId, [])).size,
          0,
        );
      });
    });
  });

  describe(`media size limit (${driver.name} storage)`, () => {
    let server: TestServer;
    let storage: TestMediaStorage;
    let owner: SignedUpOrganization;

    before(async () => {
      storage = await driver.open();
      server = await createTestServer({ env: { ...storage.env, MEDIA_MAX_BYTES: '2000' } });
      owner = await signUpOrganization(server);
    });
    after(async () => {
      await server.close();
      await storage.close();
    });

    const uploadBytes = (data: Uint8Array) => {
      const { payload, headers } = buildMultipartBody([
        { name: 'file', filename: 'big.png', contentType: 'image/png', data },
      ]);
      return server.app.inject({
        method: 'POST',
        url: '/api/media',
        headers: { ...owner.headers, ...headers },
        payload,
      });
    };

    it('refuses a file over MEDIA_MAX_BYTES with 413, keeping no record and no file', async () => {
      // Well past the limit, so the parser has more to discard than it was allowed to keep.
      const large = Buffer.concat([makePng(4, 4), randomBytes(50_000)]);
      const response = await uploadBytes(large);
      assert.equal(response.statusCode, 413, response.body);
      const problem = response.json<Problem>();
      assert.equal(problem.type, 'urn:openpatrol:problem:media-too-large');
      assert.deepEqual(
        problem.errors?.map((error) => [error.in, error.pointer]),
        [['body', '/file']],
      );
      const rows = await server.deps.database.db.selectFrom('media').selectAll().execute();
      assert.deepEqual(rows, []);
      assert.deepEqual(storage.listStoredObjects(), []);
    });

    it('answers a real client sending a large file with 413, not a broken connection', async () => {
      const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
      const form = new FormData();
      form.append('capture', 'CAMERA');
      form.append(
        'file',
        new Blob([new Uint8Array(Buffer.concat([makePng(4, 4), randomBytes(3 * 1024 * 1024)]))], {
          type: 'image/png',
        }),
        'big.png',
      );
      const response = await fetch(`${address}/api/media`, {
        method: 'POST',
        headers: owner.headers,
        body: form,
      });
      assert.equal(response.status, 413);
      assert.equal(
        ((await response.json()) as Problem).type,
        'urn:openpatrol:problem:media-too-large',
      );
    });

    it('accepts a file of exactly MEDIA_MAX_BYTES', async () => {
      const png = makePng(4, 4);
      // PNG decoders ignore bytes after the IEND chunk: pad the file to the limit.
      const exact = Buffer.concat([png, Buffer.alloc(2000 - png.length)]);
      const response = await uploadBytes(exact);
      assert.equal(response.statusCode, 201, response.body);
      assert.equal(response.json<Media>().sizeInBytes, 2000);
    });
  });
}
