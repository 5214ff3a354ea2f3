import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Problem } from '../../shared/problem.schemas.js';
import {
  addLocation,
  createApiToken,
  signInMember,
  signUpOrganization,
  type Credentials,
  type SignedUpOrganization,
} from '../../test-support/factories.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import type { Point } from './points.schemas.js';

interface PointVersion {
  historyId: number;
  point: Point;
  changedBy: string | null;
}

describe('points API', () => {
  let server: TestServer;
  let owner: SignedUpOrganization;
  let token: Credentials & { id: string };
  let north: string;
  let south: string;

  before(async () => {
    server = await createTestServer();
    owner = await signUpOrganization(server, 'Acme Security');
    token = await createApiToken(server, owner);
    north = await addLocation(server, owner.organizationId, 'North gate');
    south = await addLocation(server, owner.organizationId, 'South yard');
  });
  after(() => server.close());

  const request = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    credentials: Credentials,
    payload?: object,
  ) =>
    server.app.inject({
      method,
      url,
      headers: credentials.headers,
      ...(payload ? { payload } : {}),
    });

  async function createPoint(body: object, credentials: Credentials = token): Promise<Point> {
    const response = await request('POST', '/api/points', credentials, {
      locationId: north,
      name: 'Gate 1',
      ...body,
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<Point>();
  }

  const pointersOf = (body: string) =>
    (JSON.parse(body) as Problem).errors?.map((error) => error.pointer);

  describe('createPoint', () => {
    it('creates a point with a server-generated QR payload and every field present', async () => {
      const response = await request('POST', '/api/points', token, {
        locationId: north,
        name: '  Boiler room  ',
        description: 'Basement, door B2',
        nfcTagUid: '04:a2:3b:1c:5d:80:81',
        latitude: 50.45,
        longitude: 30.5234,
        radiusMeters: 25,
        onDemandCheckIns: 'ALL_MEMBERS',
        defaultActions: [
          {
            name: 'Temperature',
            type: 'NUMBER',
            order: 2,
            required: true,
            minValue: 15,
            maxValue: 30,
          },
          { name: 'Read the gauge', type: 'INSTRUCTION', order: 1, required: false },
        ],
      });
      assert.equal(response.statusCode, 201, response.body);
      const point = response.json<Point>();
      assert.match(point.qrCode ?? '', /^op1:[A-Za-z0-9_-]{24}$/);
      assert.deepEqual(
        {
          name: point.name,
          nfcTagUid: point.nfcTagUid,
          gps: [point.latitude, point.longitude, point.radiusMeters],
          onDemandCheckIns: point.onDemandCheckIns,
          actions: point.defaultActions.map((action) => action.name),
          memberSettings: point.memberSettings,
          archived: point.archived,
        },
        {
          name: 'Boiler room',
          nfcTagUid: '04A23B1C5D8081',
          gps: [50.45, 30.5234, 25],
          onDemandCheckIns: 'ALL_MEMBERS',
          actions: ['Read the gauge', 'Temperature'],
          memberSettings: [],
          archived: false,
        },
      );
      // Normalized: every option key is present, null when unset.
      assert.equal(point.defaultActions[0]?.alertLevel, null);
      assert.ok(Number.isInteger(point.historyId) && point.historyId > 0);

      const read = await request('GET', `/api/points/${point.id}`, owner);
      assert.deepEqual(read.json(), point);
    });

    it('gives a point without identifiers nulls, DISABLED on-demand check-ins and no actions', async () => {
      const point = await createPoint({ name: 'Bare point' });
      assert.deepEqual(
        [point.description, point.nfcTagUid, point.latitude, point.longitude, point.radiusMeters],
        [null, null, null, null, null],
      );
      assert.equal(point.onDemandCheckIns, 'DISABLED');
      assert.deepEqual(point.defaultActions, []);
    });

    it('gives every point its own unguessable QR payload', async () => {
      const [a, b] = [await createPoint({ name: 'A' }), await createPoint({ name: 'B' })];
      assert.notEqual(a.qrCode, b.qrCode);
    });

    it('needs latitude, longitude and radiusMeters together', async () => {
      const response = await request('POST', '/api/points', token, {
        locationId: north,
        name: 'Half GPS',
        latitude: 50.45,
        longitude: 30.52,
      });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(pointersOf(response.body), ['/radiusMeters']);

      const onlyRadius = await request('POST', '/api/points', token, {
        locationId: north,
        name: 'Only a radius',
        radiusMeters: 30,
      });
      assert.equal(onlyRadius.statusCode, 400);
      assert.deepEqual(pointersOf(onlyRadius.body), ['/latitude', '/longitude']);
    });

    it('accepts a radius of 1 to 10000 metres only', async () => {
      for (const radiusMeters of [0, 10_001, -5]) {
        const response = await request('POST', '/api/points', token, {
          locationId: north,
          name: 'Radius',
          latitude: 50.45,
          longitude: 30.52,
          radiusMeters,
        });
        assert.equal(response.statusCode, 400, `${radiusMeters}: ${response.body}`);
        assert.deepEqual(pointersOf(response.body), ['/radiusMeters']);
      }
      await createPoint({ name: 'Wide', latitude: 50.45, longitude: 30.52, radiusMeters: 10_000 });
    });

    it('refuses default actions that break the action rules, naming the field', async () => {
      const response = await request('POST', '/api/points', token, {
        locationId: north,
        name: 'Fridge',
        defaultActions: [
          {
            name: 'Temperature',
            type: 'NUMBER',
            order: 0,
            required: true,
            minValue: 8,
            maxValue: 2,
          },
        ],
      });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(response.json<Problem>().errors, [
        {
          in: 'body',
          pointer: '/defaultActions/0/minValue',
          detail: 'must not be greater than maxValue (2)',
        },
      ]);
    });

    it('refuses unknown fields instead of dropping them', async () => {
      const response = await request('POST', '/api/points', token, {
        locationId: north,
        name: 'Sneaky',
        qrCode: 'op1:chosen-by-the-client',
      });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(pointersOf(response.body), ['/qrCode']);
    });

    it('refuses a malformed NFC tag UID', async () => {
      const response = await request('POST', '/api/points', token, {
        locationId: north,
        name: 'Bad tag',
        nfcTagUid: 'not-a-tag',
      });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(pointersOf(response.body), ['/nfcTagUid']);
    });

    it('refuses an NFC tag another point of the organization has, however it is written', async () => {
      await createPoint({ name: 'Tagged', nfcTagUid: 'AA BB CC DD' });
      const response = await request('POST', '/api/points', token, {
        locationId: south,
        name: 'Same tag',
        nfcTagUid: 'aa:bb:cc:dd',
      });
      assert.equal(response.statusCode, 409);
      const problem = response.json<Problem>();
      assert.equal(problem.type, 'urn:openpatrol:problem:nfc-tag-in-use');
      assert.deepEqual(pointersOf(response.body), ['/nfcTagUid']);
    });

    it('lets another organization register the same NFC tag', async () => {
      await createPoint({ name: 'Shared tag', nfcTagUid: '01020304' });
      const other = await signUpOrganization(server, 'Tag Twins');
      const location = await addLocation(server, other.organizationId, 'Twin site');
      const response = await request('POST', '/api/points', other, {
        locationId: location,
        name: 'Shared tag',
        nfcTagUid: '01:02:03:04',
      });
      assert.equal(response.statusCode, 201, response.body);
    });

    it('stores per-member settings for active members only', async () => {
      const user = await signInMember(server, owner, 'USER', { locationIds: [north] });
      const point = await createPoint({
        name: 'Selected members',
        onDemandCheckIns: 'SELECTED_MEMBERS',
        memberSettings: [
          {
            memberId: user.user.id,
            onDemandAllowed: true,
            actions: [{ name: 'Photo', type: 'MEDIA', order: 0, required: true }],
          },
        ],
      });
      assert.equal(point.memberSettings.length, 1);
      assert.equal(point.memberSettings[0]?.memberId, user.user.id);
      assert.equal(point.memberSettings[0]?.actions?.[0]?.cameraOnly, false);

      const unknown = await request('POST', '/api/points', token, {
        locationId: north,
        name: 'Stranger',
        memberSettings: [
          { memberId: user.user.id, onDemandAllowed: true, actions: null },
          {
            memberId: '00000000-0000-4000-8000-000000000000',
            onDemandAllowed: true,
            actions: null,
          },
        ],
      });
      assert.equal(unknown.statusCode, 400);
      assert.deepEqual(pointersOf(unknown.body), ['/memberSettings/1/memberId']);
    });

    it('refuses a location of another organization and an archived location', async () => {
      const other = await signUpOrganization(server, 'Elsewhere Ltd');
      const foreign = await addLocation(server, other.organizationId, 'Foreign site');
      const response = await request('POST', '/api/points', token, {
        locationId: foreign,
        name: 'Intruder',
      });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(pointersOf(response.body), ['/locationId']);

      const closed = await addLocation(server, owner.organizationId, 'Closed site');
      await server.deps.database.db
        .updateTable('locations')
        .set({ archived: 1 })
        .where('id', '=', closed)
        .execute();
      const archived = await request('POST', '/api/points', token, {
        locationId: closed,
        name: 'Too late',
      });
      assert.equal(archived.statusCode, 409);
      assert.equal(archived.json<Problem>().type, 'urn:openpatrol:problem:location-archived');
    });

    it('lets an Admin create a point but not a User', async () => {
      const admin = await signInMember(server, owner, 'ADMIN');
      await createPoint({ name: 'By the admin' }, admin);
      const user = await signInMember(server, owner, 'USER', { locationIds: [north] });
      const response = await request('POST', '/api/points', user, {
        locationId: north,
        name: 'By the user',
      });
      assert.equal(response.statusCode, 403);
    });
  });

  describe('listPoints and getPoint', () => {
    it('pages through the points of a location with a Link header', async () => {
      const location = await addLocation(server, owner.organizationId, 'Paged site');
      const created = [];
      for (const name of ['P1', 'P2', 'P3'])
        created.push(await createPoint({ name, locationId: location }));
      const first = await request('GET', `/api/points?locationId=${location}&limit=2`, owner);
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json<Point[]>().length, 2);
      const link = /^<([^>]+)>; rel="next"$/.exec(String(first.headers.link))?.[1];
      assert.ok(link, 'a next link');
      const second = await request('GET', link, owner);
      assert.equal(second.headers.link, undefined);
      const seen = [...first.json<Point[]>(), ...second.json<Point[]>()].map((point) => point.id);
      assert.deepEqual(seen.sort(), created.map((point) => point.id).sort());
    });

    it('leaves archived points out unless asked for them', async () => {
      const location = await addLocation(server, owner.organizationId, 'Archive site');
      const kept = await createPoint({ name: 'Kept', locationId: location });
      const gone = await createPoint({ name: 'Gone', locationId: location });
      const archived = await request('POST', `/api/points/${gone.id}/archive`, owner);
      assert.equal(archived.json<Point>().archived, true);
      const active = await request('GET', `/api/points?locationId=${location}`, owner);
      assert.deepEqual(
        active.json<Point[]>().map((point) => point.id),
        [kept.id],
      );
      const all = await request(
        'GET',
        `/api/points?locationId=${location}&includeArchived=true`,
        owner,
      );
      assert.equal(all.json<Point[]>().length, 2);
      const restored = await request('POST', `/api/points/${gone.id}/restore`, owner);
      assert.equal(restored.json<Point>().archived, false);
    });

    it('does not reveal another organization’s point', async () => {
      const point = await createPoint({ name: 'Secret' });
      const other = await signUpOrganization(server, 'Curious Corp');
      for (const url of [`/api/points/${point.id}`, `/api/points/${point.id}/history`]) {
        const response = await request('GET', url, other);
        assert.equal(response.statusCode, 404, url);
        assert.equal(response.json<Problem>().type, 'urn:openpatrol:problem:point-not-found');
      }
      const patched = await request('PATCH', `/api/points/${point.id}`, other, { name: 'Mine' });
      assert.equal(patched.statusCode, 404);
      const listed = await request('GET', '/api/points', other);
      assert.ok(!listed.json<Point[]>().some((candidate) => candidate.id === point.id));
    });

    it('shows a Manager of location A none of the points of location B', async () => {
      const atNorth = await createPoint({ name: 'North post', locationId: north });
      const atSouth = await createPoint({ name: 'South post', locationId: south });
      const manager = await signInMember(server, owner, 'MANAGER', { locationIds: [north] });

      const listed = (await request('GET', '/api/points', manager)).json<Point[]>();
      assert.ok(listed.some((point) => point.id === atNorth.id));
      assert.ok(listed.every((point) => point.locationId === north));

      assert.equal((await request('GET', `/api/points/${atNorth.id}`, manager)).statusCode, 200);
      assert.equal((await request('GET', `/api/points/${atSouth.id}`, manager)).statusCode, 404);
      const filtered = await request('GET', `/api/points?locationId=${south}`, manager);
      assert.equal(filtered.statusCode, 404);
    });

    it('lets a User read the points of their location but not change them', async () => {
      const user = await signInMember(server, owner, 'USER', { locationIds: [south] });
      const point = await createPoint({ name: 'Yard post', locationId: south });
      assert.equal((await request('GET', `/api/points/${point.id}`, user)).statusCode, 200);
      const patched = await request('PATCH', `/api/points/${point.id}`, user, { name: 'Mine' });
      assert.equal(patched.statusCode, 403);
    });

    it('never shows a performer the QR payload, which would let them check in from anywhere', async () => {
      const user = await signInMember(server, owner, 'USER', { locationIds: [south] });
      const manager = await signInMember(server, owner, 'MANAGER', { locationIds: [south] });
      const point = await createPoint({ name: 'Back door', locationId: south });
      assert.equal(
        (await request('GET', `/api/points/${point.id}`, user)).json<Point>().qrCode,
        null,
      );
      const listed = (await request('GET', `/api/points?locationId=${south}`, user)).json<
        Point[]
      >();
      assert.ok(listed.length > 0 && listed.every((candidate) => candidate.qrCode === null));
      const history = (await request('GET', `/api/points/${point.id}/history`, user)).json<
        { point: Point }[]
      >();
      assert.ok(history.every((version) => version.point.qrCode === null));
      assert.equal(
        (await request('GET', `/api/points/${point.id}/qr-code.png`, user)).statusCode,
        403,
      );
      assert.equal(
        (await request('GET', `/api/points/${point.id}`, manager)).json<Point>().qrCode,
        point.qrCode,
      );
      assert.equal(
        (await request('GET', `/api/points/${point.id}/qr-code.png`, manager)).statusCode,
        200,
      );
    });
  });

  describe('updatePoint and history', () => {
    it('records every change as a version; the first one stays readable', async () => {
      const created = await createPoint({ name: 'Lobby', description: 'Ground floor' });
      const renamed = await request('PATCH', `/api/points/${created.id}`, token, {
        name: 'Main lobby',
      });
      assert.equal(renamed.statusCode, 200, renamed.body);
      assert.equal(renamed.json<Point>().description, 'Ground floor');
      const moved = await request('PATCH', `/api/points/${created.id}`, owner, {
        locationId: south,
        description: null,
      });
      assert.equal(moved.statusCode, 200, moved.body);
      const current = moved.json<Point>();

      const history = await request('GET', `/api/points/${created.id}/history`, owner);
      assert.equal(history.statusCode, 200, history.body);
      const versions = history.json<PointVersion[]>();
      assert.equal(versions.length, 3);
      const ids = versions.map((version) => version.historyId);
      assert.ok(ids[0]! < ids[1]! && ids[1]! < ids[2]!, `increasing: ${ids.join(', ')}`);
      assert.deepEqual(ids, [
        created.historyId,
        renamed.json<Point>().historyId,
        current.historyId,
      ]);
      assert.deepEqual(versions[0]?.point, created);
      assert.deepEqual(versions[2]?.point, current);
      assert.deepEqual(
        versions.map((version) => version.changedBy),
        [`token:${token.id}`, `token:${token.id}`, owner.ownerMemberId],
      );
    });

    it('checks the GPS triple on the point as it would become', async () => {
      const point = await createPoint({
        name: 'Parking',
        latitude: 50.4,
        longitude: 30.5,
        radiusMeters: 40,
      });
      const dropped = await request('PATCH', `/api/points/${point.id}`, token, {
        radiusMeters: null,
      });
      assert.equal(dropped.statusCode, 400);
      assert.deepEqual(pointersOf(dropped.body), ['/radiusMeters']);
      const cleared = await request('PATCH', `/api/points/${point.id}`, token, {
        latitude: null,
        longitude: null,
        radiusMeters: null,
      });
      assert.equal(cleared.statusCode, 200, cleared.body);
      assert.equal(cleared.json<Point>().radiusMeters, null);
    });

    it('refuses an empty change and a taken NFC tag', async () => {
      const point = await createPoint({ name: 'Roof' });
      const empty = await request('PATCH', `/api/points/${point.id}`, token, {});
      assert.equal(empty.statusCode, 400);
      await createPoint({ name: 'Attic', nfcTagUid: 'DE:AD:BE:EF' });
      const taken = await request('PATCH', `/api/points/${point.id}`, token, {
        nfcTagUid: 'deadbeef',
      });
      assert.equal(taken.statusCode, 409);
      assert.deepEqual(pointersOf(taken.body), ['/nfcTagUid']);
      const unchanged = await request('GET', `/api/points/${point.id}/history`, token);
      assert.equal(unchanged.json<PointVersion[]>().length, 1);
    });

    it('replaces the member settings when they are sent and keeps them otherwise', async () => {
      const user = await signInMember(server, owner, 'USER', { locationIds: [north] });
      const point = await createPoint({
        name: 'Kitchen',
        onDemandCheckIns: 'SELECTED_MEMBERS',
        memberSettings: [{ memberId: user.user.id, onDemandAllowed: true, actions: null }],
      });
      const renamed = await request('PATCH', `/api/points/${point.id}`, token, { name: 'Galley' });
      assert.deepEqual(renamed.json<Point>().memberSettings, point.memberSettings);
      const cleared = await request('PATCH', `/api/points/${point.id}`, token, {
        memberSettings: [],
      });
      assert.deepEqual(cleared.json<Point>().memberSettings, []);
      const history = (await request('GET', `/api/points/${point.id}/history`, token)).json<
        PointVersion[]
      >();
      assert.equal(history[1]?.point.memberSettings.length, 1);
      assert.equal(history[2]?.point.memberSettings.length, 0);
    });
  });

  describe('regeneratePointQrCode', () => {
    it('gives the point a new payload and records a version', async () => {
      const point = await createPoint({ name: 'Server room' });
      const response = await request('POST', `/api/points/${point.id}/regenerate-qr-code`, token);
      assert.equal(response.statusCode, 200, response.body);
      const regenerated = response.json<Point>();
      assert.notEqual(regenerated.qrCode, point.qrCode);
      assert.match(regenerated.qrCode ?? '', /^op1:[A-Za-z0-9_-]{24}$/);
      assert.ok(regenerated.historyId > point.historyId);
      const versions = (await request('GET', `/api/points/${point.id}/history`, token)).json<
        PointVersion[]
      >();
      assert.deepEqual(
        versions.map((version) => version.point.qrCode),
        [point.qrCode, regenerated.qrCode],
      );
      const user = await signInMember(server, owner, 'USER', { locationIds: [north] });
      const refused = await request('POST', `/api/points/${point.id}/regenerate-qr-code`, user);
      assert.equal(refused.statusCode, 403);
    });
  });
});
