import type { ScheduledTasksTable } from '../../database/database.js';
import { executionIdOf } from './execution-ids.js';
import { expandOccurrences, parseRecurrence, type TaskSchedule } from './recurrence.js';

/**
 * A task's occurrences as its executions see them: the recurrence engine's series, cut to the
 * task's current schedule revision (from `effectiveFrom`), ended at `splitAt`, with indexes moved
 * past every index an earlier revision used (decision 0008). Pure.
 */

export type ScheduleFields = Pick<
  ScheduledTasksTable,
  | 'id'
  | 'startAt'
  | 'endAt'
  | 'timeZone'
  | 'recurrenceRule'
  | 'recurrenceException'
  | 'splitAt'
  | 'effectiveFrom'
> & { readonly indexOffset: number };

export interface PlannedOccurrence {
  readonly id: string;
  /** The stored occurrence index: the series index plus the revision's offset. */
  readonly index: number;
  readonly startAt: string;
  readonly endAt: string;
}

const DAY_MS = 86_400_000;

/** A day after the last instant Date can print in four-digit years; "materialized forever". */
export const FOREVER = '9999-12-31T23:59:59.999Z';

export function scheduleOf(task: ScheduleFields): TaskSchedule {
  return {
    startAt: new Date(task.startAt),
    endAt: new Date(task.endAt),
    timeZone: task.timeZone,
    recurrence:
      task.recurrenceRule === null
        ? null
        : parseRecurrence({ rule: task.recurrenceRule, exception: task.recurrenceException }),
  };
}

function belongs(task: ScheduleFields, startAt: string): boolean {
  return (
    (task.effectiveFrom === null || startAt >= task.effectiveFrom) &&
    (task.splitAt === null || startAt < task.splitAt)
  );
}

/** The task's occurrences whose window overlaps [from, to), by start time. */
export function occurrencesOfTask(
  task: ScheduleFields,
  window: { readonly from: Date; readonly to: Date },
  schedule: TaskSchedule = scheduleOf(task),
): PlannedOccurrence[] {
  const occurrences: PlannedOccurrence[] = [];
  for (const occurrence of expandOccurrences(schedule, window)) {
    const startAt = occurrence.startAt.toISOString();
    if (!belongs(task, startAt)) continue;
    const index = occurrence.index + task.indexOffset;
    occurrences.push({
      id: executionIdOf(task.id, index),
      index,
      startAt,
      endAt: occurrence.endAt.toISOString(),
    });
  }
  return occurrences;
}

/** The task's occurrences starting in [from, to), by start time. */
export function occurrencesStartingBetween(
  task: ScheduleFields,
  from: Date,
  to: Date,
  schedule: TaskSchedule = scheduleOf(task),
): PlannedOccurrence[] {
  const fromIso = from.toISOString();
  return occurrencesOfTask(task, { from, to }, schedule).filter(
    (occurrence) => occurrence.startAt >= fromIso,
  );
}

/**
 * The first occurrence starting at or after `from`, looking up to ten years ahead (a yearly
 * Feb 29 rule waits eight): null when the series has ended.
 */
export function firstOccurrenceFrom(task: ScheduleFields, from: Date): PlannedOccurrence | null {
  const schedule = scheduleOf(task);
  let windowFrom = from;
  for (let days = 32; days <= 4096; days *= 2) {
    const windowTo = new Date(windowFrom.getTime() + days * DAY_MS);
    const [first] = occurrencesStartingBetween(task, windowFrom, windowTo, schedule);
    if (first) return first;
    if (!hasOccurrencesFrom(task, windowTo, schedule)) return null;
    windowFrom = windowTo;
  }
  return null;
}

/**
 * Whether an occurrence may start at or after `instant`. Exact for single occurrences, UNTIL,
 * COUNT and splits; true for unbounded rules (which never end).
 */
export function hasOccurrencesFrom(
  task: ScheduleFields,
  instant: Date,
  schedule: TaskSchedule = scheduleOf(task),
): boolean {
  const iso = instant.toISOString();
  if (task.splitAt !== null && task.splitAt <= iso) return false;
  const recurrence = schedule.recurrence;
  if (recurrence === null) return belongs(task, task.startAt) && task.startAt >= iso;
  const { until, count } = recurrence.rule;
  // A bare-date UNTIL ends on that local date: a day's margin covers every zone.
  if (until !== null)
    return (
      (until.kind === 'INSTANT' ? until.at.getTime() : Date.parse(until.date) + 2 * DAY_MS) >=
      instant.getTime()
    );
  if (count !== null) {
    // COUNT: the series has ended once its last index started before `instant` (exceptions
    // are left out: an excepted last occurrence still ends the series).
    const unexcepted = { ...schedule, recurrence: { ...recurrence, exceptions: [] } };
    const before = expandOccurrences(unexcepted, { from: schedule.startAt, to: instant });
    return !before.some(
      (occurrence) =>
        occurrence.index === count - 1 && occurrence.startAt.getTime() < instant.getTime(),
    );
  }
  return true;
}
