import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, DatabaseHandle } from '../../database/database.js';
import { listVersions, recordVersion } from '../../database/versions.js';
import type { FieldError } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import { takePage } from '../../shared/paging.js';
import { describeActor, type Actor } from '../auth/actor.js';
import { incompleteCoordinates, invalidTimeZone, locationNotFound } from './locations.errors.js';
import * as repository from './locations.repository.js';
import type { CreateLocationBody, Location, UpdateLocationBody } from './locations.schemas.js';
import { isIanaTimeZone } from './time-zones.js';

export type LocationsService = ReturnType<typeof createLocationsService>;

function toLocation(row: repository.LocationRow): Location {
  return {
    id: row.id,
    historyId: row.historyId,
    name: row.name,
    description: row.description,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    timeZone: row.timeZone,
    archived: row.archived === 1,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function assertValidPlace(place: {
  timeZone: string;
  latitude: number | null;
  longitude: number | null;
}) {
  if (!isIanaTimeZone(place.timeZone)) {
    throw invalidTimeZone({
      detail: `"${place.timeZone}" is not an IANA time zone such as Europe/Kyiv or America/New_York.`,
      errors: [{ in: 'body', pointer: '/timeZone', detail: 'must be an IANA time zone' }],
    });
  }
  if ((place.latitude === null) !== (place.longitude === null)) {
    const missing: FieldError = {
      in: 'body',
      pointer: place.latitude === null ? '/latitude' : '/longitude',
      detail: 'is required with the other coordinate',
    };
    throw incompleteCoordinates({
      detail: 'Give both latitude and longitude, or neither.',
      errors: [missing],
    });
  }
}

export function createLocationsService({
  database,
  clock,
}: {
  database: DatabaseHandle;
  clock: Clock;
}) {
  const { db } = database;

  /**
   * A location the actor may see. Another organization's, or one outside a Manager's, User's or
   * Guard's assignments, is "not found": its existence is not revealed.
   */
  async function findVisibleLocation(
    actor: Actor,
    locationId: string,
    target: Kysely<Database> = db,
  ) {
    const row = await repository.findLocation(target, actor.organizationId, locationId);
    if (!row || (actor.locationIds !== null && !actor.locationIds.includes(locationId))) {
      throw locationNotFound({ detail: `There is no location ${locationId}.` });
    }
    return row;
  }

  async function saveVersion(target: Kysely<Database>, actor: Actor, row: repository.LocationRow) {
    row.historyId = await recordVersion(
      target,
      'locationVersions',
      row,
      toLocation(row),
      describeActor(actor),
      row.updatedAt,
    );
    return row;
  }

  async function change(
    actor: Actor,
    locationId: string,
    apply: (row: repository.LocationRow) => Partial<repository.LocationRow>,
  ) {
    const updated = await db.transaction().execute(async (trx) => {
      const current = await findVisibleLocation(actor, locationId, trx);
      const next = { ...current, ...apply(current), updatedAt: clock.now().toISOString() };
      assertValidPlace(next);
      await saveVersion(trx, actor, next);
      await repository.updateLocation(trx, next);
      return next;
    });
    return toLocation(updated);
  }

  return {
    findVisibleLocation: async (actor: Actor, locationId: string, target?: Kysely<Database>) =>
      toLocation(await findVisibleLocation(actor, locationId, target)),

    async listLocations(
      actor: Actor,
      query: {
        limit: number;
        cursor: string | null;
        includeArchived: boolean;
        search: string | null;
      },
    ) {
      const rows = await repository.listLocations(db, database.dialect, actor.organizationId, {
        visibleIds: actor.locationIds,
        includeArchived: query.includeArchived,
        search: query.search,
        after: query.cursor,
        limit: query.limit + 1,
      });
      const { items, nextCursor } = takePage(rows, query.limit);
      return { locations: items.map(toLocation), nextCursor };
    },

    async getLocation(actor: Actor, locationId: string) {
      return toLocation(await findVisibleLocation(actor, locationId));
    },

    async listLocationHistory(actor: Actor, locationId: string) {
      await findVisibleLocation(actor, locationId);
      const versions = await listVersions<Location>(
        db,
        'locationVersions',
        actor.organizationId,
        locationId,
      );
      return versions.map((version) => ({
        historyId: version.historyId,
        location: { ...version.snapshot, historyId: version.historyId },
        changedBy: version.changedBy,
        createdAt: version.createdAt,
      }));
    },

    async createLocation(actor: Actor, body: CreateLocationBody) {
      const now = clock.now().toISOString();
      const timeZone =
        body.timeZone ??
        (await repository.findOrganizationTimeZone(db, actor.organizationId)).timeZone;
      const row: repository.LocationRow = {
        organizationId: actor.organizationId,
        id: randomUUID(),
        name: body.name.trim(),
        description: body.description ?? null,
        address: body.address ?? null,
        latitude: body.latitude ?? null,
        longitude: body.longitude ?? null,
        timeZone,
        archived: 0,
        historyId: 0,
        createdAt: now,
        updatedAt: now,
      };
      assertValidPlace(row);
      await db.transaction().execute(async (trx) => {
        await repository.insertLocation(trx, row);
        await saveVersion(trx, actor, row);
        await repository.updateLocation(trx, row);
      });
      return toLocation(row);
    },

    updateLocation: (actor: Actor, locationId: string, body: UpdateLocationBody) =>
      change(actor, locationId, (current) => ({
        name: body.name?.trim() ?? current.name,
        description: body.description === undefined ? current.description : body.description,
        address: body.address === undefined ? current.address : body.address,
        latitude: body.latitude === undefined ? current.latitude : body.latitude,
        longitude: body.longitude === undefined ? current.longitude : body.longitude,
        timeZone: body.timeZone ?? current.timeZone,
      })),

    archiveLocation: (actor: Actor, locationId: string) =>
      change(actor, locationId, () => ({ archived: 1 })),
    restoreLocation: (actor: Actor, locationId: string) =>
      change(actor, locationId, () => ({ archived: 0 })),
  };
}
