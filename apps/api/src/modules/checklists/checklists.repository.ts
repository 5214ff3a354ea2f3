import type { Kysely } from 'kysely';
import type { ChecklistsTable, Database, DialectName } from '../../database/database.js';
import { containsIgnoringCase } from '../../database/dialect.js';

/** Queries for checklist templates. No rules here. */

export type ChecklistRow = ChecklistsTable;

/** Where the previous page ended, in the list's order (name, then id). */
export interface ChecklistPosition {
  readonly name: string;
  readonly id: string;
}

export async function insertChecklist(db: Kysely<Database>, checklist: ChecklistRow) {
  await db.insertInto('checklists').values(checklist).execute();
}

export async function updateChecklist(db: Kysely<Database>, checklist: ChecklistRow) {
  await db
    .updateTable('checklists')
    .set({ ...checklist })
    .where('organizationId', '=', checklist.organizationId)
    .where('id', '=', checklist.id)
    .execute();
}

export function findChecklist(db: Kysely<Database>, organizationId: string, id: string) {
  return db
    .selectFrom('checklists')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listChecklists(
  db: Kysely<Database>,
  dialect: DialectName,
  organizationId: string,
  filter: {
    includeArchived: boolean;
    search: string | null;
    after: ChecklistPosition | null;
    limit: number;
  },
) {
  let query = db.selectFrom('checklists').selectAll().where('organizationId', '=', organizationId);
  if (!filter.includeArchived) query = query.where('archived', '=', 0);
  if (filter.search) query = query.where(containsIgnoringCase(dialect, 'name', filter.search));
  const after = filter.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('name', '>', after.name),
        eb.and([eb('name', '=', after.name), eb('id', '>', after.id)]),
      ]),
    );
  }
  return query.orderBy('name').orderBy('id').limit(filter.limit).execute();
}
