import type { Kysely } from 'kysely';
import type { Database, DialectName, LocationsTable } from '../../database/database.js';
import { containsIgnoringCase } from '../../database/dialect.js';

/** Queries for locations. No rules here. */

export type LocationRow = Omit<LocationsTable, 'historyId'> & { historyId: number };

export async function insertLocation(db: Kysely<Database>, location: LocationRow) {
  await db.insertInto('locations').values(location).execute();
}

export async function updateLocation(db: Kysely<Database>, location: LocationRow) {
  await db
    .updateTable('locations')
    .set({ ...location })
    .where('organizationId', '=', location.organizationId)
    .where('id', '=', location.id)
    .execute();
}

export function findLocation(db: Kysely<Database>, organizationId: string, id: string) {
  return db
    .selectFrom('locations')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst() as Promise<LocationRow | undefined>;
}

export function listLocations(
  db: Kysely<Database>,
  dialect: DialectName,
  organizationId: string,
  filter: {
    visibleIds: readonly string[] | null;
    includeArchived: boolean;
    search: string | null;
    after: string | null;
    limit: number;
  },
) {
  let query = db.selectFrom('locations').selectAll().where('organizationId', '=', organizationId);
  if (filter.visibleIds !== null)
    query = query.where('id', 'in', filter.visibleIds.length > 0 ? filter.visibleIds : ['']);
  if (!filter.includeArchived) query = query.where('archived', '=', 0);
  if (filter.search) query = query.where(containsIgnoringCase(dialect, 'name', filter.search));
  if (filter.after) query = query.where('id', '>', filter.after);
  return query.orderBy('id').limit(filter.limit).execute() as Promise<LocationRow[]>;
}

export function findOrganizationTimeZone(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('organizations')
    .select('timeZone')
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
}
