import type { Kysely } from 'kysely';
import type { Database } from '../../database/database.js';
import { findVersions } from '../../database/versions.js';
import type { Clock } from '../../shared/clock.js';
import type { EventPayload, EventType, ExecutionEvent } from './execution-events.js';
import { executionPartIdOf } from './execution-ids.js';
import { NOTHING_DONE, computeResults, type ExecutionPlanView } from './execution-results.js';
import { toTaskExecutionInfo, type PlanVersions } from './task-executions.presenter.js';
import type { ExecutionRow } from './task-executions.repository.js';
import type { TaskExecutionInfo } from './task-executions.schemas.js';
import type { ActionPlan, StepPlan, TaskPlan, WrittenVersion } from './task-plans.js';

/**
 * Reads executions as the API shows them: the plan version each points to, its event log, and
 * the results computed from both. Shared by planning and performing.
 */
export type ExecutionReader = ReturnType<typeof createExecutionReader>;

/** Parsed plan versions kept per reader; versions never change, so nothing is ever stale. */
const CACHED_VERSIONS = 50_000;

export function createExecutionReader({ clock }: { clock: Clock }) {
  // Keyed by table and history id; each entry remembers its organization, checked on every hit.
  const cache = new Map<string, { organizationId: string; snapshot: unknown }>();

  /** Versions by history id, from the cache or the database (least recently used go first). */
  async function cachedVersions<Snapshot>(
    db: Kysely<Database>,
    table: 'scheduledTaskVersions' | 'scheduledStepVersions' | 'scheduledActionVersions',
    organizationId: string,
    historyIds: readonly number[],
  ): Promise<Map<number, Snapshot>> {
    const found = new Map<number, Snapshot>();
    const missing: number[] = [];
    for (const historyId of new Set(historyIds)) {
      const key = `${table}/${historyId}`;
      const entry = cache.get(key);
      if (entry === undefined) {
        missing.push(historyId);
        continue;
      }
      cache.delete(key);
      cache.set(key, entry);
      if (entry.organizationId === organizationId) found.set(historyId, entry.snapshot as Snapshot);
    }
    for (const [historyId, snapshot] of await findVersions<Snapshot>(
      db,
      table,
      organizationId,
      missing,
    )) {
      found.set(historyId, snapshot);
      cache.set(`${table}/${historyId}`, { organizationId, snapshot });
    }
    for (const key of cache.keys()) {
      if (cache.size <= CACHED_VERSIONS) break;
      cache.delete(key);
    }
    return found;
  }

  async function loadVersions(
    db: Kysely<Database>,
    organizationId: string,
    rows: readonly Pick<ExecutionRow, 'scheduledTaskHistoryId'>[],
  ): Promise<PlanVersions> {
    const tasks = await cachedVersions<TaskPlan>(
      db,
      'scheduledTaskVersions',
      organizationId,
      rows.map((row) => row.scheduledTaskHistoryId),
    );
    const steps = await cachedVersions<StepPlan>(
      db,
      'scheduledStepVersions',
      organizationId,
      [...tasks.values()].flatMap((plan) => plan.steps.map((step) => step.scheduledStepHistoryId)),
    );
    const actions = await cachedVersions<ActionPlan>(
      db,
      'scheduledActionVersions',
      organizationId,
      [...steps.values()].flatMap((step) => step.actionHistoryIds),
    );
    return { tasks, steps, actions };
  }

  /** The events of executions that have any, in sequence order. */
  async function loadEvents(
    db: Kysely<Database>,
    organizationId: string,
    rows: readonly Pick<ExecutionRow, 'id' | 'eventCount'>[],
  ): Promise<Map<string, ExecutionEvent[]>> {
    const ids = rows.filter((row) => row.eventCount > 0).map((row) => row.id);
    const byExecution = new Map<string, ExecutionEvent[]>();
    if (ids.length === 0) return byExecution;
    const events = await db
      .selectFrom('taskExecutionEvents')
      .selectAll()
      .where('organizationId', '=', organizationId)
      .where('taskExecutionId', 'in', ids)
      .orderBy('taskExecutionId')
      .orderBy('sequence')
      .execute();
    for (const event of events) {
      const list = byExecution.get(event.taskExecutionId) ?? [];
      list.push({
        ...event,
        type: event.type as EventType,
        payload: JSON.parse(event.payload) as EventPayload,
      });
      byExecution.set(event.taskExecutionId, list);
    }
    return byExecution;
  }

  /** What the rules need of an execution's plan, with the ids the execution shows. */
  function planViewOf(row: ExecutionRow, versions: PlanVersions): ExecutionPlanView {
    const plan = versions.tasks.get(row.scheduledTaskHistoryId);
    if (!plan) throw new Error(`task version ${row.scheduledTaskHistoryId} is missing`);
    return {
      startAt: row.startAt,
      endAt: row.endAt,
      assigneeIds: plan.assigneeIds,
      orderStepsRequired: plan.orderStepsRequired,
      strictTimeRequired: plan.strictTimeRequired,
      deadlined: plan.deadlined,
      steps: plan.steps.map(({ scheduledStepHistoryId }) => {
        const step = versions.steps.get(scheduledStepHistoryId)!;
        return {
          id: executionPartIdOf(row.id, step.id),
          pointId: step.pointId,
          order: step.stepOrder,
          actions: step.actionHistoryIds.map((historyId) => {
            const action = versions.actions.get(historyId)!;
            return { id: executionPartIdOf(row.id, action.id), definition: action.definition };
          }),
        };
      }),
    };
  }

  return {
    /** Caches versions a committed transaction wrote, so reading them back costs nothing. */
    remember(organizationId: string, written: readonly WrittenVersion[]): void {
      for (const { table, historyId, snapshot } of written)
        cache.set(`${table}/${historyId}`, { organizationId, snapshot });
    },

    loadVersions,
    loadEvents,
    planViewOf,

    /** Executions as TaskExecutionInfo, in the order given. */
    async present(
      db: Kysely<Database>,
      organizationId: string,
      rows: readonly ExecutionRow[],
    ): Promise<TaskExecutionInfo[]> {
      const versions = await loadVersions(db, organizationId, rows);
      const events = await loadEvents(db, organizationId, rows);
      const nowIso = clock.now().toISOString();
      return rows.map((row) =>
        toTaskExecutionInfo(
          row,
          versions,
          row.eventCount === 0
            ? NOTHING_DONE
            : computeResults(events.get(row.id) ?? [], planViewOf(row, versions)),
          nowIso,
        ),
      );
    },
  };
}
