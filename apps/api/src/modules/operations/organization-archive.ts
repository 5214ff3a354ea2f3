import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle, DialectName } from '../../database/database.js';
import type { MediaStorage } from '../media/media-storage.js';
import { OperationFailed } from './operations.errors.js';
import { shiftHistoryIds } from './history-ids.js';
import { TENANT_TABLES, VERSIONS_TABLES, type TenantTable } from './tenant-tables.js';

/**
 * Moving one organization between installations (SQLite or PostgreSQL on either side).
 *
 * The file is gzip-compressed JSON Lines: one line per table row (`{"table","row"}`, tables in
 * `TENANT_TABLES` order, rows in key order, columns by their SQL names), then the media bytes in
 * base64 chunks (`{"media","data","final"}`), and last the manifest (`{"manifest"}`): format
 * version, app version, schema migration, and for each table its row count and the SHA-256 of
 * its lines, for each media object its size and SHA-256. Lines keep memory flat whatever the
 * size of the organization; the manifest comes last because only then are the counts known.
 *
 * An import reads the file twice: first to check it against its manifest and this installation
 * (nothing is written when it is corrupted, cut short, from another schema version, or the
 * organization already exists), then to insert everything in one transaction.
 */

export const ARCHIVE_FORMAT = 'openpatrol-organization';
export const ARCHIVE_FORMAT_VERSION = 1;

export interface ArchiveManifest {
  readonly format: typeof ARCHIVE_FORMAT;
  readonly formatVersion: number;
  readonly appVersion: string;
  /** The newest migration the exporting installation had applied. */
  readonly schemaMigration: string;
  readonly sourceDialect: DialectName;
  readonly exportedAt: string;
  readonly organization: { readonly id: string; readonly name: string };
  readonly tables: Readonly<Record<string, { readonly count: number; readonly sha256: string }>>;
  readonly media: readonly {
    readonly key: string;
    readonly size: number;
    readonly sha256: string;
  }[];
  /** Storage keys the media table names but the storage did not have when exporting. */
  readonly missingMedia: readonly string[];
}

type Row = Record<string, unknown>;
type ArchiveLine =
  | { table: string; row: Row }
  | { media: string; data: string; final: boolean }
  | { manifest: ArchiveManifest };

/**
 * Queries over tables named at run time, by their SQL names: the CamelCasePlugin is left out so
 * a row travels with exactly the column names the schema has.
 */
type RawDatabase = Kysely<Record<string, Row>>;
const rawOf = (db: DatabaseHandle['db']) => db.withoutPlugins() as unknown as RawDatabase;

const PAGE_SIZE = 1000;
/** Rows per INSERT: well under both databases' bound-parameter limits for our widest table. */
const INSERT_BATCH = 100;
/** Media bytes per line, before base64. */
const MEDIA_CHUNK_BYTES = 512 * 1024;

export interface ArchiveDependencies {
  readonly database: DatabaseHandle;
  readonly storage: MediaStorage;
  readonly version: string;
  readonly now: () => Date;
}

export interface ExportResult {
  readonly manifest: ArchiveManifest;
  readonly bytes: number;
}

/** The newest applied migration: what "the same schema version" means for an import. */
export async function readSchemaMigration(db: DatabaseHandle['db']): Promise<string> {
  const { rows } = await sql<{ name: string }>`
    select name from kysely_migration order by name desc limit 1`.execute(db);
  return rows[0]?.name ?? '';
}

export async function exportOrganization(
  deps: ArchiveDependencies,
  options: { readonly organizationId: string; readonly to: string },
): Promise<ExportResult> {
  const { database, storage } = deps;
  const temporary = `${options.to}.${randomUUID()}.tmp`;
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(temporary, { flags: 'wx' }));
  // Surfaces as the awaited pipeline below; without this a write error would be unhandled.
  written.catch(() => undefined);
  const writeLine = async (line: ArchiveLine) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };

  try {
    // One snapshot for the whole organization, however long the export takes: PostgreSQL needs
    // REPEATABLE READ for that; a SQLite read transaction is a snapshot already (WAL), and
    // neither blocks the server's writes.
    const transaction = database.db.transaction();
    const manifest = await (
      database.dialect === 'postgres'
        ? transaction.setIsolationLevel('repeatable read')
        : transaction
    ).execute(async (trx) => {
      const raw = rawOf(trx);
      const organization = await raw
        .selectFrom('organizations')
        .select(['id', 'name'])
        .where('id', '=', options.organizationId)
        .executeTakeFirst();
      if (!organization)
        throw new OperationFailed(`No organization has the id "${options.organizationId}".`);

      const tables: Record<string, { count: number; sha256: string }> = {};
      const mediaKeys: string[] = [];
      for (const table of TENANT_TABLES) {
        const hash = createHash('sha256');
        let count = 0;
        for (let offset = 0; ; offset += PAGE_SIZE) {
          const rows = await selectTenantRows(raw, table, options.organizationId)
            .limit(PAGE_SIZE)
            .offset(offset)
            .execute();
          for (const row of rows) {
            const text = JSON.stringify(row);
            hash.update(`${text}\n`);
            count += 1;
            await writeLine({ table: table.name, row });
            if (table.name === 'media')
              for (const key of [row.storage_key, row.thumbnail_key])
                if (typeof key === 'string') mediaKeys.push(key);
          }
          if (rows.length < PAGE_SIZE) break;
        }
        tables[table.name] = { count, sha256: hash.digest('hex') };
      }

      const media: { key: string; size: number; sha256: string }[] = [];
      const missingMedia: string[] = [];
      for (const key of mediaKeys) {
        const stored = await storage.get(key);
        if (!stored) {
          missingMedia.push(key);
          continue;
        }
        const hash = createHash('sha256');
        let size = 0;
        let pending: Buffer = Buffer.alloc(0);
        for await (const chunk of stored.body as AsyncIterable<Buffer>) {
          hash.update(chunk);
          size += chunk.length;
          pending = Buffer.concat([pending, chunk]);
          while (pending.length >= MEDIA_CHUNK_BYTES) {
            await writeLine({
              media: key,
              data: pending.subarray(0, MEDIA_CHUNK_BYTES).toString('base64'),
              final: false,
            });
            pending = pending.subarray(MEDIA_CHUNK_BYTES);
          }
        }
        await writeLine({ media: key, data: pending.toString('base64'), final: true });
        media.push({ key, size, sha256: hash.digest('hex') });
      }

      return {
        format: ARCHIVE_FORMAT,
        formatVersion: ARCHIVE_FORMAT_VERSION,
        appVersion: deps.version,
        schemaMigration: await readSchemaMigration(trx),
        sourceDialect: database.dialect,
        exportedAt: deps.now().toISOString(),
        organization: { id: String(organization.id), name: String(organization.name) },
        tables,
        media,
        missingMedia,
      } satisfies ArchiveManifest;
    });
    await writeLine({ manifest });
    gzip.end();
    await written;
    // The file must be whole on disk before it takes its final name.
    const file = await open(temporary, 'r+');
    const { size } = await file.stat();
    await file.sync();
    await file.close();
    await rename(temporary, options.to);
    return { manifest, bytes: size };
  } catch (error) {
    gzip.destroy();
    await written.catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}

function selectTenantRows(raw: RawDatabase, table: TenantTable, organizationId: string) {
  let query = raw.selectFrom(table.name).selectAll();
  switch (table.scope ?? 'organization-id') {
    case 'organization':
      query = query.where('id', '=', organizationId);
      break;
    case 'members-people':
      query = query.where(
        'id',
        'in',
        raw
          .selectFrom('members')
          .select('person_id')
          .where('organization_id', '=', organizationId)
          .where('person_id', 'is not', null),
      );
      break;
    case 'organization-id':
      query = query.where('organization_id', '=', organizationId);
  }
  for (const column of table.key) query = query.orderBy(column);
  return query;
}

/** Each line of the archive, parsed; a damaged or truncated file fails with a clear message. */
async function* readArchive(file: string): AsyncGenerator<ArchiveLine> {
  const gunzip = createGunzip();
  // pipeline destroys gunzip when reading the file fails, so the loop below throws too.
  pipeline(createReadStream(file), gunzip).catch(() => undefined);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let lineNumber = 0;
  const parse = (text: string): ArchiveLine => {
    lineNumber += 1;
    try {
      const line = JSON.parse(text) as ArchiveLine | null;
      if (line === null || typeof line !== 'object') throw new Error('not an object');
      return line;
    } catch {
      throw new OperationFailed(`${file} is corrupted: line ${lineNumber} is not valid JSON.`);
    }
  };
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const lines = (rest + decoder.write(chunk)).split('\n');
      rest = lines.pop() ?? '';
      for (const text of lines) yield parse(text);
    }
  } catch (error) {
    if (error instanceof OperationFailed) throw error;
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'corrupted';
    throw new OperationFailed(
      `${file} is ${reason}: ${(error as Error).message}. Nothing was imported.`,
      { cause: error },
    );
  }
  rest += decoder.end();
  if (rest !== '') yield parse(rest);
}

/** What a pass over the archive found, to compare with its manifest. */
interface ArchiveContents {
  readonly manifest: ArchiveManifest;
  readonly tables: Map<string, { count: number; sha256: string }>;
  readonly media: Map<string, { size: number; sha256: string }>;
}

/** Reads the whole archive, hashing as it goes, and checks it against its own manifest. */
async function verifyArchive(file: string): Promise<ArchiveContents> {
  const tableHashes = new Map<string, { count: number; hash: ReturnType<typeof createHash> }>();
  const mediaHashes = new Map<string, { size: number; hash: ReturnType<typeof createHash> }>();
  let manifest: ArchiveManifest | undefined;
  for await (const line of readArchive(file)) {
    if (manifest) throw new OperationFailed(`${file} is corrupted: lines follow the manifest.`);
    if ('table' in line) {
      const entry = tableHashes.get(line.table) ?? { count: 0, hash: createHash('sha256') };
      entry.count += 1;
      entry.hash.update(`${JSON.stringify(line.row)}\n`);
      tableHashes.set(line.table, entry);
    } else if ('media' in line) {
      const entry = mediaHashes.get(line.media) ?? { size: 0, hash: createHash('sha256') };
      const bytes = Buffer.from(line.data, 'base64');
      entry.size += bytes.length;
      entry.hash.update(bytes);
      mediaHashes.set(line.media, entry);
    } else if ('manifest' in line) {
      manifest = line.manifest;
    }
  }
  if (!manifest)
    throw new OperationFailed(
      `${file} is incomplete: it has no manifest (was it cut short?). Nothing was imported.`,
    );
  if (manifest.format !== ARCHIVE_FORMAT || manifest.formatVersion !== ARCHIVE_FORMAT_VERSION)
    throw new OperationFailed(
      `${file} is not an organization export this version reads (format ${JSON.stringify(manifest.format)} version ${manifest.formatVersion}; expected ${ARCHIVE_FORMAT} version ${ARCHIVE_FORMAT_VERSION}).`,
    );

  const tables = new Map<string, { count: number; sha256: string }>();
  for (const [name, entry] of tableHashes)
    tables.set(name, { count: entry.count, sha256: entry.hash.digest('hex') });
  const mismatches: string[] = [];
  for (const name of new Set([...Object.keys(manifest.tables), ...tables.keys()])) {
    const expected = manifest.tables[name] ?? {
      count: 0,
      sha256: createHash('sha256').digest('hex'),
    };
    const found = tables.get(name) ?? { count: 0, sha256: createHash('sha256').digest('hex') };
    if (expected.count !== found.count || expected.sha256 !== found.sha256)
      mismatches.push(
        `table ${name}: ${found.count} rows with SHA-256 ${found.sha256.slice(0, 12)}…, the manifest says ${expected.count} rows with ${expected.sha256.slice(0, 12)}…`,
      );
  }
  const media = new Map<string, { size: number; sha256: string }>();
  for (const [key, entry] of mediaHashes)
    media.set(key, { size: entry.size, sha256: entry.hash.digest('hex') });
  for (const expected of manifest.media) {
    const found = media.get(expected.key);
    if (!found || found.size !== expected.size || found.sha256 !== expected.sha256)
      mismatches.push(`media ${expected.key}: its bytes do not match the manifest`);
  }
  if (media.size !== manifest.media.length)
    mismatches.push('media: the file holds objects the manifest does not list');
  if (mismatches.length > 0)
    throw new OperationFailed(
      `${file} is corrupted; nothing was imported:\n  - ${mismatches.join('\n  - ')}`,
    );
  return { manifest, tables, media };
}

export interface ImportResult {
  readonly manifest: ArchiveManifest;
  readonly rowCount: number;
  readonly mediaCount: number;
  /** People already in this installation (same e-mail) whom the organization's members now use. */
  readonly reusedPeople: number;
}

export async function importOrganization(
  deps: ArchiveDependencies,
  options: { readonly from: string },
): Promise<ImportResult> {
  const { database, storage } = deps;
  const contents = await verifyArchive(options.from);
  const { manifest } = contents;

  const knownTables = new Set(TENANT_TABLES.map((table) => table.name));
  const unknownTables = Object.keys(manifest.tables).filter((name) => !knownTables.has(name));
  const schemaMigration = await readSchemaMigration(database.db);
  if (manifest.schemaMigration !== schemaMigration || unknownTables.length > 0)
    throw new OperationFailed(
      `The file was exported at schema version ${manifest.schemaMigration} (OpenPatrol ${manifest.appVersion}); this installation is at ${schemaMigration || 'no schema'} (OpenPatrol ${deps.version}). Upgrade the older installation so both run the same version, then export again. Nothing was imported.`,
    );

  const written: string[] = [];
  try {
    const result = await database.db.transaction().execute(async (trx) => {
      const raw = rawOf(trx);
      const existing = await raw
        .selectFrom('organizations')
        .select('id')
        .where('id', '=', manifest.organization.id)
        .executeTakeFirst();
      if (existing)
        throw new OperationFailed(
          `Organization ${manifest.organization.id} ("${manifest.organization.name}") already exists in this installation. Nothing was imported.`,
        );
      const shifts = await historyIdShifts(raw);
      const tablesByName = new Map(TENANT_TABLES.map((table) => [table.name, table]));

      const personIds = new Map<string, string>();
      let reusedPeople = 0;
      let rowCount = 0;
      let batch: { table: string; rows: Row[] } = { table: '', rows: [] };
      const flush = async () => {
        if (batch.rows.length > 0) await raw.insertInto(batch.table).values(batch.rows).execute();
        rowCount += batch.rows.length;
        batch = { table: '', rows: [] };
      };
      let mediaChunks: Buffer[] = [];
      const hashes = new Map<string, ReturnType<typeof createHash>>();

      for await (const line of readArchive(options.from)) {
        if ('table' in line) {
          // Hashed again: the file is read a second time and must still be the file verified.
          const hash = hashes.get(line.table) ?? createHash('sha256');
          hash.update(`${JSON.stringify(line.row)}\n`);
          hashes.set(line.table, hash);
          if (line.table === 'people') {
            if (await reusePerson(raw, line.row, personIds)) {
              reusedPeople += 1;
              continue;
            }
          }
          if (batch.table !== line.table) await flush();
          batch.table = line.table;
          batch.rows.push(
            shiftHistoryIds(
              tablesByName.get(line.table)!,
              adaptRow(line.table, line.row, personIds),
              shifts,
            ),
          );
          if (batch.rows.length >= INSERT_BATCH) await flush();
        } else if ('media' in line) {
          await flush();
          mediaChunks.push(Buffer.from(line.data, 'base64'));
          if (line.final) {
            written.push(line.media);
            await storage.put(line.media, Buffer.concat(mediaChunks));
            mediaChunks = [];
          }
        }
      }
      await flush();
      for (const [name, expected] of Object.entries(manifest.tables))
        if ((hashes.get(name)?.digest('hex') ?? expected.sha256) !== expected.sha256)
          throw new OperationFailed(
            `${options.from} changed while it was being imported; nothing was imported.`,
          );
      if (database.dialect === 'postgres') await advanceCounters(trx);
      return { manifest, rowCount, mediaCount: written.length, reusedPeople };
    });
    return result;
  } catch (error) {
    // The rows are gone with the rolled-back transaction; the media objects must go too.
    for (const key of written) await storage.delete(key).catch(() => undefined);
    if (error instanceof OperationFailed) throw error;
    throw new OperationFailed(
      `The import failed and was rolled back; nothing was imported: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/**
 * A person with the same e-mail already here is the same person: the organization's members
 * use that account (and its password) instead of a second one, which `people.email` forbids.
 */
async function reusePerson(raw: RawDatabase, row: Row, personIds: Map<string, string>) {
  const email = String(row.email);
  const sameEmail = await raw
    .selectFrom('people')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  if (sameEmail) {
    personIds.set(String(row.id), String(sameEmail.id));
    return true;
  }
  return false;
}

/** What changes on the way in: people reused by e-mail, and no claim by the old installation's workers. */
function adaptRow(table: string, row: Row, personIds: ReadonlyMap<string, string>): Row {
  if ((table === 'members' || table === 'one_time_tokens') && typeof row.person_id === 'string')
    return { ...row, person_id: personIds.get(row.person_id) ?? row.person_id };
  if (table === 'jobs') return { ...row, locked_by: null, locked_until: null };
  return row;
}

/** How far each versions table's imported history ids move: past the largest one here. */
async function historyIdShifts(raw: RawDatabase): Promise<Map<string, number>> {
  const shifts = new Map<string, number>();
  for (const name of VERSIONS_TABLES) {
    const row = await raw
      .selectFrom(name)
      .select((eb) => eb.fn.max<number | null>('history_id').as('largest'))
      .executeTakeFirstOrThrow();
    shifts.set(name, Number(row.largest ?? 0));
  }
  return shifts;
}

/**
 * PostgreSQL identity columns take explicit values without moving their sequence: move each
 * past the imported ids, so the next version row does not collide with one. (SQLite's
 * AUTOINCREMENT follows the largest id by itself.)
 */
async function advanceCounters(trx: DatabaseHandle['db']) {
  for (const table of VERSIONS_TABLES) {
    const sequence = sql`pg_get_serial_sequence(${sql.lit(table)}, 'history_id')`;
    await sql`select setval(${sequence}, greatest(
        (select coalesce(max(history_id), 1) from ${sql.table(table)}), nextval(${sequence})))`.execute(
      trx,
    );
  }
}
