import { Temporal } from 'temporal-polyfill';
import type { FieldError } from '../../shared/app-error.js';
import { isIanaTimeZone } from '../locations/time-zones.js';
import { parseRecurrence, RecurrenceError } from './recurrence.js';
import { invalidTaskExecution } from './task-executions.errors.js';
import type { RecurrencePreview, RecurrencePreviewBody } from './recurrence-preview.schemas.js';
import {
  hasOccurrencesFrom,
  occurrencesStartingBetween,
  scheduleOf,
  type ScheduleFields,
} from './task-schedule.js';

const HOUR_MS = 3_600_000;
/** How far ahead the preview looks: a yearly Feb 29 rule waits eight years (as firstOccurrenceFrom). */
const LOOK_AHEAD_MS = 10 * 366 * 24 * HOUR_MS;
/**
 * Sub-daily rules are expanded candidate by candidate, so their look-ahead is capped at this many
 * periods: "every 5 minutes in February" previewed from March would otherwise expand ~95,000
 * periods per month on a request that anyone allowed to plan can send.
 */
const MAX_SUB_DAILY_PERIODS = 86_400;
const SUB_DAILY_UNIT_MS: Partial<Record<string, number>> = {
  SECONDLY: 1000,
  MINUTELY: 60_000,
  HOURLY: HOUR_MS,
};
const MAX_DURATION_MS = 31 * 24 * HOUR_MS;

const bodyError = (pointer: string, detail: string): FieldError => ({
  in: 'body',
  pointer,
  detail,
});

/** A wall-clock reading in the zone, without offset: what a person at the location reads. */
function wallTimeOf(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' });
}

function offsetOf(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone)
    .offset;
}

function validate(body: RecurrencePreviewBody): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIanaTimeZone(body.timeZone))
    errors.push(bodyError('/timeZone', 'must be an IANA time zone such as Europe/Kyiv'));
  const durationMs = Date.parse(body.endAt) - Date.parse(body.startAt);
  if (Number.isNaN(Date.parse(body.startAt)))
    errors.push(bodyError('/startAt', 'is not an ISO-8601 instant'));
  else if (Number.isNaN(Date.parse(body.endAt)))
    errors.push(bodyError('/endAt', 'is not an ISO-8601 instant'));
  else if (durationMs <= 0) errors.push(bodyError('/endAt', 'must be after startAt'));
  else if (durationMs > MAX_DURATION_MS)
    errors.push(bodyError('/endAt', 'must be at most 31 days after startAt'));
  if (body.from !== undefined && Number.isNaN(Date.parse(body.from)))
    errors.push(bodyError('/from', 'is not an ISO-8601 instant'));
  try {
    parseRecurrence(body.recurrence);
  } catch (error) {
    if (!(error instanceof RecurrenceError)) throw error;
    errors.push(...error.issues.map((issue) => bodyError(issue.pointer, issue.detail)));
  }
  return errors;
}

/**
 * The first `count` occurrences of a would-be task starting at or after `from` (default startAt),
 * computed by the same engine that plans executions, so the editor shows what will be stored,
 * DST shifts included. Read-only: nothing is stored. Pointers match POST /task-executions.
 */
export function previewRecurrence(body: RecurrencePreviewBody): RecurrencePreview {
  const errors = validate(body);
  if (errors.length > 0)
    throw invalidTaskExecution({
      detail: `Check ${[...new Set(errors.map((error) => error.pointer))].join(', ')}.`,
      errors,
    });

  const count = body.count ?? 10;
  const task: ScheduleFields = {
    id: 'preview',
    startAt: new Date(body.startAt).toISOString(),
    endAt: new Date(body.endAt).toISOString(),
    timeZone: body.timeZone,
    recurrenceRule: body.recurrence.rule.trim(),
    recurrenceException: body.recurrence.exception,
    splitAt: null,
    effectiveFrom: null,
    indexOffset: 0,
  };
  const schedule = scheduleOf(task);
  const fromMs = Math.max(Date.parse(task.startAt), body.from ? Date.parse(body.from) : -Infinity);
  const rule = schedule.recurrence!.rule;
  const unitMs = SUB_DAILY_UNIT_MS[rule.frequency];
  const lookAheadMs =
    unitMs === undefined
      ? LOOK_AHEAD_MS
      : Math.min(LOOK_AHEAD_MS, MAX_SUB_DAILY_PERIODS * unitMs * rule.interval);
  const lastMs = fromMs + lookAheadMs;

  // Widening slices: a minutely rule fills the list within an hour without expanding a month of
  // candidates, and a yearly one is found within a few doublings.
  const found: { startAt: string; endAt: string }[] = [];
  let sliceFrom = fromMs;
  let sliceMs = HOUR_MS;
  let hasMore = true;
  while (found.length < count) {
    if (sliceFrom >= lastMs || !hasOccurrencesFrom(task, new Date(sliceFrom), schedule)) {
      hasMore = false;
      break;
    }
    const sliceTo = Math.min(sliceFrom + sliceMs, lastMs);
    found.push(
      ...occurrencesStartingBetween(task, new Date(sliceFrom), new Date(sliceTo), schedule),
    );
    sliceFrom = sliceTo;
    sliceMs *= 2;
  }

  return {
    timeZone: body.timeZone,
    hasMore:
      hasMore && (found.length > count || hasOccurrencesFrom(task, new Date(sliceFrom), schedule)),
    occurrences: found.slice(0, count).map((occurrence) => {
      const startAt = new Date(occurrence.startAt);
      const endAt = new Date(occurrence.endAt);
      return {
        startAt: occurrence.startAt,
        endAt: occurrence.endAt,
        localStartAt: wallTimeOf(startAt, body.timeZone),
        localEndAt: wallTimeOf(endAt, body.timeZone),
        utcOffset: offsetOf(startAt, body.timeZone),
      };
    }),
  };
}
