import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Problem } from '../../shared/problem.schemas.js';
import {
  createApiToken,
  signInMember,
  signUpOrganization,
  type Credentials,
  type SignedUpOrganization,
} from '../../test-support/factories.js';
import { createTestServer, type TestServer } from '../../test-support/test-server.js';
import type { Location } from './locations.schemas.js';

describe('locations API', () => {
  let server: TestServer;
  let owner: SignedUpOrganization;
  let token: Credentials;

  before(async () => {
    server = await createTestServer();
    owner = await signUpOrganization(server, 'Acme Security'); // organization zone: Europe/Kyiv
    token = await createApiToken(server, owner);
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
  const create = async (body: object, credentials: Credentials = owner) => {
    const response = await request('POST', '/api/locations', credentials, body);
    assert.equal(response.statusCode, 201, response.body);
    return response.json<Location>();
  };

  describe('createLocation', () => {
    it('creates a location in the organization’s time zone unless told otherwise', async () => {
      const office = await create({
        name: 'Head office',
        address: 'Khreshchatyk 1, Kyiv',
        latitude: 50.4501,
        longitude: 30.5234,
      });
      assert.deepEqual(
        {
          timeZone: office.timeZone,
          latitude: office.latitude,
          archived: office.archived,
          description: office.description,
        },
        { timeZone: 'Europe/Kyiv', latitude: 50.4501, archived: false, description: null },
      );
      assert.ok(office.historyId > 0);
      const lisbon = await create({ name: 'Lisbon depot', timeZone: 'Europe/Lisbon' });
      assert.equal(lisbon.timeZone, 'Europe/Lisbon');
    });

    it('is for Owners and API tokens only: an Admin is refused', async () => {
      const admin = await signInMember(server, owner, 'ADMIN');
      const refused = await request('POST', '/api/locations', admin, { name: 'Admin site' });
      assert.equal(refused.statusCode, 403);
      await create({ name: 'Created by the CRM' }, token);
    });

    it('refuses a time zone that is not in the IANA database, naming the field', async () => {
      for (const timeZone of ['Mars/Olympus_Mons', '+02:00', 'EET-2']) {
        const response = await request('POST', '/api/locations', owner, {
          name: 'Nowhere',
          timeZone,
        });
        assert.equal(response.statusCode, 400, timeZone);
        assert.deepEqual(response.json<Problem>().errors, [
          { in: 'body', pointer: '/timeZone', detail: 'must be an IANA time zone' },
        ]);
      }
      // An alias of the IANA database is a zone too.
      assert.equal(
        (await create({ name: 'Old spelling', timeZone: 'Europe/Kiev' })).timeZone,
        'Europe/Kiev',
      );
    });

    it('needs latitude and longitude together, each in range', async () => {
      const half = await request('POST', '/api/locations', owner, {
        name: 'Half a place',
        latitude: 50.1,
      });
      assert.equal(half.statusCode, 400);
      assert.deepEqual(
        half.json<Problem>().errors?.map((error) => error.pointer),
        ['/longitude'],
      );
      const outOfRange = await request('POST', '/api/locations', owner, {
        name: 'Beyond',
        latitude: 95,
        longitude: 10,
      });
      assert.equal(outOfRange.statusCode, 400);
      assert.deepEqual(
        outOfRange.json<Problem>().errors?.map((error) => error.pointer),
        ['/latitude'],
      );
    });
  });

  describe('updateLocation', () => {
    it('keeps every version: editing twice yields three, the first still readable', async () => {
      const depot = await create({ name: 'Depot' });
      const renamed = (
        await request('PATCH', `/api/locations/${depot.id}`, owner, { name: 'North depot' })
      ).json<Location>();
      const moved = (
        await request('PATCH', `/api/locations/${depot.id}`, owner, { address: 'Industrial 5' })
      ).json<Location>();
      assert.ok(depot.historyId < renamed.historyId && renamed.historyId < moved.historyId);
      const history = (await request('GET', `/api/locations/${depot.id}/history`, owner)).json<
        { historyId: number; location: Location }[]
      >();
      assert.deepEqual(
        history.map((version) => version.historyId),
        [depot.historyId, renamed.historyId, moved.historyId],
      );
      assert.deepEqual(
        history.map((version) => [version.location.name, version.location.address]),
        [
          ['Depot', null],
          ['North depot', null],
          ['North depot', 'Industrial 5'],
        ],
      );
      assert.equal(history[0]?.location.historyId, depot.historyId);
    });

    it('refuses an invalid time zone on change too', async () => {
      const site = await create({ name: 'Site' });
      const response = await request('PATCH', `/api/locations/${site.id}`, owner, {
        timeZone: 'Nowhere/Land',
      });
      assert.equal(response.statusCode, 400);
      assert.equal(response.json<Problem>().type, 'urn:openpatrol:problem:invalid-time-zone');
    });
  });

  describe('listLocations', () => {
    it('shows a Manager only the locations assigned to them', async () => {
      const mine = await create({ name: 'Managed site' });
      const other = await create({ name: 'Someone else’s site' });
      const manager = await signInMember(server, owner, 'MANAGER', { locationIds: [mine.id] });
      const listed = (await request('GET', '/api/locations?limit=1000', manager))
        .json<Location[]>()
        .map((location) => location.id);
      assert.deepEqual(listed, [mine.id]);
      assert.equal((await request('GET', `/api/locations/${other.id}`, manager)).statusCode, 404);
      assert.equal((await request('GET', `/api/locations/${mine.id}`, manager)).statusCode, 200);
    });

    it('finds locations by part of the name in any case and script', async () => {
      await create({ name: 'Склад Південний' });
      const found = (
        await request('GET', `/api/locations?search=${encodeURIComponent('південний')}`, owner)
      ).json<Location[]>();
      assert.deepEqual(
        found.map((location) => location.name),
        ['Склад Південний'],
      );
    });

    it('hides archived locations unless asked, and restores them', async () => {
      const closed = await create({ name: 'Closed branch' });
      assert.equal(
        (await request('POST', `/api/locations/${closed.id}/archive`, owner)).json<Location>()
          .archived,
        true,
      );
      const active = (await request('GET', '/api/locations?limit=1000', owner)).json<Location[]>();
      assert.ok(!active.some((location) => location.id === closed.id));
      const all = (
        await request('GET', '/api/locations?limit=1000&includeArchived=true', owner)
      ).json<Location[]>();
      assert.ok(all.some((location) => location.id === closed.id));
      assert.equal(
        (await request('POST', `/api/locations/${closed.id}/restore`, owner)).json<Location>()
          .archived,
        false,
      );
    });

    it('pages with a Link header', async () => {
      const first = await request('GET', '/api/locations?limit=2', owner);
      const next = /<([^>]+)>; rel="next"/.exec(String(first.headers.link))?.[1];
      assert.ok(next);
      const second = await request('GET', next, owner);
      const ids = [...first.json<Location[]>(), ...second.json<Location[]>()].map(
        (location) => location.id,
      );
      assert.equal(new Set(ids).size, 4);
    });

    it('answers another organization’s location with 404', async () => {
      const rival = await signUpOrganization(server, 'Rival Patrols');
      const theirs = (
        await request('POST', '/api/locations', rival, { name: 'Rival HQ' })
      ).json<Location>();
      assert.equal((await request('GET', `/api/locations/${theirs.id}`, owner)).statusCode, 404);
      assert.equal(
        (await request('PATCH', `/api/locations/${theirs.id}`, owner, { name: 'Mine now' }))
          .statusCode,
        404,
      );
    });
  });
});
