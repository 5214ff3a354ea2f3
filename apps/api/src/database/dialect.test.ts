import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase } from '../test-support/test-database.js';
import type { DatabaseHandle } from './database.js';
import { containsIgnoringCase, isForeignKeyViolation, isUniqueViolation } from './dialect.js';

/** These run on whichever database the suite targets: SQLite by default, PostgreSQL in CI too. */
describe('dialect seam', () => {
  let database: DatabaseHandle;
  // A scratch table of this test file's own, so the seam is tested without a feature's schema.
  let db: Kysely<{ scratch_places: { id: string; name: string; parent_id: string | null } }>;

  before(async () => {
    database = await createTestDatabase();
    db = database.db.withoutPlugins() as unknown as typeof db;
    await db.schema
      .createTable('scratch_places')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('name', 'text', (column) => column.notNull().unique())
      .addColumn('parent_id', 'text', (column) => column.references('scratch_places.id'))
      .execute();
    await db
      .insertInto('scratch_places')
      .values([
        { id: '1', name: 'Main Gate', parent_id: null },
        { id: '2', name: 'ГОЛОВНИЙ ВХІД', parent_id: '1' },
        { id: '3', name: 'Stock 100%_full', parent_id: '1' },
        { id: '4', name: 'Stock 1000 full', parent_id: '1' },
      ])
      .execute();
  });
  after(() => database.destroy());

  const namesContaining = async (text: string) =>
    (
      await db
        .selectFrom('scratch_places')
        .select('name')
        .where(containsIgnoringCase(database.dialect, 'name', text))
        .orderBy('id')
        .execute()
    ).map((row) => row.name);

  describe('containsIgnoringCase', () => {
    it('ignores case in Latin text', async () => {
      assert.deepEqual(await namesContaining('main gATE'), ['Main Gate']);
    });

    it('ignores case in Cyrillic text too', async () => {
      assert.deepEqual(await namesContaining('головний'), ['ГОЛОВНИЙ ВХІД']);
    });

    it('takes % and _ literally instead of as wildcards', async () => {
      assert.deepEqual(await namesContaining('100%_'), ['Stock 100%_full']);
    });
  });

  describe('constraint violations', () => {
    it('recognises a unique violation from this driver', async () => {
      const error = await db
        .insertInto('scratch_places')
        .values({ id: '9', name: 'Main Gate', parent_id: null })
        .execute()
        .then(
          () => undefined,
          (failure: unknown) => failure,
        );
      assert.ok(error, 'the duplicate insert must fail');
      assert.equal(isUniqueViolation(error), true);
      assert.equal(isForeignKeyViolation(error), false);
    });

    it('recognises a foreign-key violation from this driver', async () => {
      const error = await db
        .insertInto('scratch_places')
        .values({ id: '8', name: 'Orphan', parent_id: 'missing' })
        .execute()
        .then(
          () => undefined,
          (failure: unknown) => failure,
        );
      assert.ok(error, 'foreign keys are enforced');
      assert.equal(isForeignKeyViolation(error), true);
      assert.equal(isUniqueViolation(error), false);
    });

    it('recognises neither in an unrelated error', async () => {
      const error = await sql`select * from no_such_table`.execute(db).then(
        () => undefined,
        (failure: unknown) => failure,
      );
      assert.ok(error);
      assert.equal(isUniqueViolation(error), false);
      assert.equal(isForeignKeyViolation(error), false);
    });
  });
});
