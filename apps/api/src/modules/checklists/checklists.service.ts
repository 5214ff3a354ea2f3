import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, DatabaseHandle } from '../../database/database.js';
import { listVersions, recordVersion } from '../../database/versions.js';
import type { Clock } from '../../shared/clock.js';
import { describeActor, type Actor } from '../auth/actor.js';
import {
  normalizeActionDefinitions,
  validateActionDefinitions,
  type ActionDefinition,
  type NormalizedAction,
} from './action-definitions.js';
import { checklistNotFound, invalidActionDefinitions, invalidCursor } from './checklists.errors.js';
import * as repository from './checklists.repository.js';
import type {
  Checklist,
  ChecklistVersion,
  CreateChecklistBody,
  UpdateChecklistBody,
} from './checklists.schemas.js';

export type ChecklistsService = ReturnType<typeof createChecklistsService>;

function toChecklist(row: repository.ChecklistRow): Checklist {
  return {
    id: row.id,
    historyId: row.historyId,
    name: row.name,
    description: row.description,
    actions: JSON.parse(row.actions) as NormalizedAction[],
    archived: row.archived === 1,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * The stored form of a checklist's actions, after the rules a schema cannot express. A checklist
 * without actions would copy nothing into a step, so it is refused too.
 */
function prepareActions(actions: readonly ActionDefinition[]): string {
  const errors =
    actions.length === 0
      ? [{ in: 'body' as const, pointer: '/actions', detail: 'must list at least one action' }]
      : validateActionDefinitions(actions, '/actions');
  if (errors.length > 0) {
    throw invalidActionDefinitions({
      detail: `Check ${errors.map((error) => error.pointer).join(', ')}.`,
      errors,
    });
  }
  return JSON.stringify(normalizeActionDefinitions(actions));
}

/** The opaque paging cursor: where the previous page ended, in the list's (name, id) order. */
function encodeCursor(position: repository.ChecklistPosition): string {
  return Buffer.from(JSON.stringify([position.name, position.id])).toString('base64url');
}

function decodeCursor(cursor: string): repository.ChecklistPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    ) {
      return { name: value[0], id: value[1] };
    }
  } catch {
    // Not JSON: reported below like any other cursor this server did not issue.
  }
  throw invalidCursor({
    detail: 'Use the cursor from the Link header of the previous page, unchanged.',
    errors: [{ in: 'query', pointer: '/cursor', detail: 'is not a cursor this server issued' }],
  });
}

export function createChecklistsService({
  database,
  clock,
}: {
  database: DatabaseHandle;
  clock: Clock;
}) {
  const { db } = database;

  /** Checklists belong to the whole organization; another organization's is "not found". */
  async function findChecklist(actor: Actor, checklistId: string, target: Kysely<Database> = db) {
    const row = await repository.findChecklist(target, actor.organizationId, checklistId);
    if (!row) throw checklistNotFound({ detail: `There is no checklist ${checklistId}.` });
    return row;
  }

  async function saveVersion(target: Kysely<Database>, actor: Actor, row: repository.ChecklistRow) {
    row.historyId = await recordVersion(
      target,
      'checklistVersions',
      row,
      toChecklist(row),
      describeActor(actor),
      row.updatedAt,
    );
    return row;
  }

  /**
   * Applies one change in a transaction and records it as a new version. `apply` returning null
   * means there is nothing to change (archiving an archived checklist): no version is written.
   */
  async function change(
    actor: Actor,
    checklistId: string,
    apply: (row: repository.ChecklistRow) => Partial<repository.ChecklistRow> | null,
  ) {
    const updated = await db.transaction().execute(async (trx) => {
      const current = await findChecklist(actor, checklistId, trx);
      const changes = apply(current);
      if (changes === null) return current;
      const next = { ...current, ...changes, updatedAt: clock.now().toISOString() };
      await saveVersion(trx, actor, next);
      await repository.updateChecklist(trx, next);
      return next;
    });
    return toChecklist(updated);
  }

  return {
    async listChecklists(
      actor: Actor,
      query: {
        limit: number;
        cursor: string | null;
        includeArchived: boolean;
        search: string | null;
      },
    ) {
      const rows = await repository.listChecklists(db, database.dialect, actor.organizationId, {
        includeArchived: query.includeArchived,
        search: query.search,
        after: query.cursor === null ? null : decodeCursor(query.cursor),
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        checklists: page.map(toChecklist),
        nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
      };
    },

    async getChecklist(actor: Actor, checklistId: string) {
      return toChecklist(await findChecklist(actor, checklistId));
    },

    async listChecklistHistory(actor: Actor, checklistId: string): Promise<ChecklistVersion[]> {
      await findChecklist(actor, checklistId);
      const versions = await listVersions<Checklist>(
        db,
        'checklistVersions',
        actor.organizationId,
        checklistId,
      );
      return versions.map((version) => ({
        historyId: version.historyId,
        checklist: { ...version.snapshot, historyId: version.historyId },
        changedBy: version.changedBy,
        createdAt: version.createdAt,
      }));
    },

    async createChecklist(actor: Actor, body: CreateChecklistBody) {
      const now = clock.now().toISOString();
      const row: repository.ChecklistRow = {
        organizationId: actor.organizationId,
        id: randomUUID(),
        name: body.name.trim(),
        description: body.description ?? null,
        actions: prepareActions(body.actions),
        archived: 0,
        // The version is written after the row, which then points at it.
        historyId: 0,
        createdAt: now,
        updatedAt: now,
      };
      await db.transaction().execute(async (trx) => {
        await repository.insertChecklist(trx, row);
        await saveVersion(trx, actor, row);
        await repository.updateChecklist(trx, row);
      });
      return toChecklist(row);
    },

    updateChecklist(actor: Actor, checklistId: string, body: UpdateChecklistBody) {
      // Validated before the transaction: a bad list is the caller's mistake whatever the row holds.
      const actions = body.actions === undefined ? undefined : prepareActions(body.actions);
      return change(actor, checklistId, (current) => ({
        name: body.name?.trim() ?? current.name,
        description: body.description === undefined ? current.description : body.description,
        actions: actions ?? current.actions,
      }));
    },

    archiveChecklist: (actor: Actor, checklistId: string) =>
      change(actor, checklistId, (current) => (current.archived === 1 ? null : { archived: 1 })),
    restoreChecklist: (actor: Actor, checklistId: string) =>
      change(actor, checklistId, (current) => (current.archived === 0 ? null : { archived: 0 })),

    /**
     * The actions a task step copies from a checklist: an independent, normalized copy, so later
     * edits of the checklist never change the step. An archived checklist cannot be copied.
     * `target` lets the caller read inside its own transaction.
     */
    async copyChecklistActions(
      actor: Actor,
      checklistId: string,
      target: Kysely<Database> = db,
    ): Promise<NormalizedAction[]> {
      const row = await findChecklist(actor, checklistId, target);
      if (row.archived === 1) {
        throw checklistNotFound({
          detail: `The checklist ${checklistId} is archived; restore it to copy its actions.`,
        });
      }
      return toChecklist(row).actions;
    },
  };
}
