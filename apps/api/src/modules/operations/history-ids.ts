import { OperationFailed } from './operations.errors.js';
import type { TenantTable } from './tenant-tables.js';

/**
 * History ids (DESIGN §2) are numbered per installation: every organization's versions share one
 * counter per versions table. An organization moved into an installation that already has
 * versions therefore gets its numbers shifted past the largest one there, and every reference
 * shifted alike: typed columns (`TenantTable.historyIds`) and the references inside version
 * snapshots, found by key name below. Into an empty installation the shift is 0 and the numbers
 * stay exactly what integrators saw before.
 */

/** Snapshot keys that hold history ids, and the versions table each refers to. */
const SNAPSHOT_KEYS: Readonly<Record<string, string>> = {
  locationHistoryId: 'location_versions',
  pointHistoryId: 'point_versions',
  checklistHistoryId: 'checklist_versions',
  assigneeHistoryId: 'member_versions',
  assigneeHistoryIds: 'member_versions',
  scheduledTaskHistoryId: 'scheduled_task_versions',
  scheduledStepHistoryId: 'scheduled_step_versions',
  scheduledActionHistoryId: 'scheduled_action_versions',
  actionHistoryId: 'scheduled_action_versions',
  actionHistoryIds: 'scheduled_action_versions',
};

/** A key that looks like a history reference: one we do not know must stop the import. */
const LOOKS_LIKE_HISTORY_ID = /(^h|H)istoryIds?$/;

export type HistoryIdShifts = ReadonlyMap<string, number>;

/** The row with its history ids shifted; the row itself when every shift is 0. */
export function shiftHistoryIds(
  table: TenantTable,
  row: Record<string, unknown>,
  shifts: HistoryIdShifts,
): Record<string, unknown> {
  if (!table.historyIds || [...shifts.values()].every((shift) => shift === 0)) return row;
  const shifted: Record<string, unknown> = { ...row };
  for (const [column, versionsTable] of Object.entries(table.historyIds))
    shifted[column] = shiftValue(row[column], shifts.get(versionsTable) ?? 0);
  if (table.versions && typeof row.snapshot === 'string') {
    const snapshot = JSON.parse(row.snapshot) as unknown;
    shifted.snapshot = JSON.stringify(shiftSnapshot(snapshot, table.name, shifts));
  }
  return shifted;
}

function shiftSnapshot(value: unknown, ownTable: string, shifts: HistoryIdShifts): unknown {
  if (Array.isArray(value)) return value.map((item) => shiftSnapshot(item, ownTable, shifts));
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // A snapshot's own `historyId` is the version of the same record it replaced.
    const versionsTable = key === 'historyId' ? ownTable : SNAPSHOT_KEYS[key];
    if (versionsTable !== undefined) {
      result[key] = shiftReference(item, shifts.get(versionsTable) ?? 0);
    } else if (LOOKS_LIKE_HISTORY_ID.test(key)) {
      throw new OperationFailed(
        `A ${ownTable} snapshot holds "${key}", which this version cannot renumber; import into an empty installation instead. Nothing was imported.`,
      );
    } else {
      result[key] = shiftSnapshot(item, ownTable, shifts);
    }
  }
  return result;
}

/** A number, a list of numbers, or a map to numbers (assignee → member version). */
function shiftReference(value: unknown, shift: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shiftValue(item, shift));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, shiftValue(item, shift)]),
    );
  return shiftValue(value, shift);
}

/** 0 means "no version yet" and stays 0. */
function shiftValue(value: unknown, shift: number): unknown {
  return typeof value === 'number' && value > 0 ? value + shift : value;
}
