import type { Kysely } from 'kysely';

/**
 * The tables, as Kysely sees them through CamelCasePlugin (snake_case in SQL). Portable types
 * only: text UUIDs, ISO-8601 text instants (`toISOString()`, so text order is time order on
 * SQLite too), 0/1 integers for booleans, JSON as text.
 */
export interface Database {
  organizations: OrganizationsTable;
}

export interface OrganizationsTable {
  id: string;
  name: string;
  /** IANA zone used when a location does not name its own. */
  timeZone: string;
  createdAt: string;
  updatedAt: string;
}

export type DialectName = 'sqlite' | 'postgres';

/** The database handle every repository receives, with the dialect for the few places that differ. */
export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** The PostgreSQL schema in use when it is not the default search path (DATABASE_SCHEMA). */
  readonly schema: string | undefined;
  destroy(): Promise<void>;
}
