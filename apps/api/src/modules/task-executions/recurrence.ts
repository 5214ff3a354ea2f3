import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';
import type { ParsedRecurrence, RecurrenceRule, RecurrenceUntil } from './recurrence-parsing.js';

export {
  FREQUENCIES,
  RecurrenceError,
  WEEKDAYS,
  parseRecurrence,
  type Frequency,
  type ParsedRecurrence,
  type RecurrenceIssue,
  type RecurrenceRule,
  type RecurrenceUntil,
  type Weekday,
  type WeekdayNumber,
} from './recurrence-parsing.js';

/** What expansion needs of a task: its first window, its location's zone and its recurrence. */
export interface TaskSchedule {
  readonly startAt: Date;
  readonly endAt: Date;
  /** The location's IANA time zone: recurrence follows its wall clock (DESIGN §4). */
  readonly timeZone: string;
  readonly recurrence: ParsedRecurrence | null;
}

export interface OccurrenceWindow {
  readonly from: Date;
  readonly to: Date;
}

export interface Occurrence {
  /**
   * Position in the series before exceptions are removed (0 = the task's own startAt). It never
   * depends on the window or on exceptions, so execution ids can be derived from it.
   */
  readonly index: number;
  readonly startAt: Date;
  readonly endAt: Date;
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/**
 * Near an offset change, a wall-clock reading and "instant + offset at the window bound" disagree
 * by up to the size of the change (Pacific/Apia skipped all of 2011-12-30), so the wall-clock
 * search widens by two days there. Elsewhere the offset is constant and no margin is needed,
 * which matters for rules that generate many occurrences a day.
 */
const WALL_MARGIN_MS = 2 * DAY_MS;

/** Temporal and Date both end in year 275760; a margin keeps wall-clock arithmetic inside. */
const LAST_PLANNABLE_MS = Date.UTC(9999, 11, 31);

/**
 * rrule-temporal's cap on periods (10,000 by default) would refuse a daily rule expanded over 28
 * years. We raise only that one: raising its candidate cap too turns off its fast paths.
 */
const MAX_LIBRARY_PERIODS = 2_000_000;

const FIXED_UNIT_MS: Partial<Record<RecurrenceRule['frequency'], number>> = {
  SECONDLY: 1000,
  MINUTELY: 60_000,
  HOURLY: 3_600_000,
  DAILY: DAY_MS,
  WEEKLY: WEEK_MS,
};

/**
 * The occurrences of a task whose window [startAt, endAt) overlaps [from, to), by start time.
 *
 * The rule is expanded on the location's wall clock, then each wall time is placed in the zone.
 * rrule-temporal expanding directly in the zone drops wall times inside a DST gap (RFC 5545
 * §3.8.5.3), but a patrol must never silently vanish, so DESIGN §4 follows §3.3.5 instead. We
 * therefore expand in UTC, which has no gaps or repeats, treating its readings as the location's
 * wall clock; Temporal's 'compatible' disambiguation then moves a gap time later by the gap
 * (02:30 → 03:30) and gives a repeated time its first instant.
 */
export function expandOccurrences(task: TaskSchedule, window: OccurrenceWindow): Occurrence[] {
  const startMs = task.startAt.getTime();
  const durationMs = task.endAt.getTime() - startMs;
  const fromMs = window.from.getTime();
  const toMs = window.to.getTime();
  // An instantaneous task has an empty window; it still belongs to the window it falls in.
  const overlapsWindow = (occurrenceStartMs: number) =>
    occurrenceStartMs < toMs &&
    (occurrenceStartMs + durationMs > fromMs || (durationMs === 0 && occurrenceStartMs >= fromMs));

  if (task.recurrence === null) {
    return overlapsWindow(startMs) ? [toOccurrence({ index: 0, startMs }, durationMs)] : [];
  }

  const { rule, exceptions } = task.recurrence;
  const untilMs = rule.until === null ? Infinity : resolveUntil(rule.until, task.timeZone);
  const excepted = new Set(exceptions.map((exception) => exception.getTime()));
  const isKept = ({ index, startMs: occurrenceStartMs }: Candidate) =>
    overlapsWindow(occurrenceStartMs) &&
    // UNTIL bounds the rule, not the task: the first window always exists, as DESIGN §4 says.
    (index === 0 || occurrenceStartMs <= untilMs) &&
    !excepted.has(occurrenceStartMs) &&
    !excepted.has(occurrenceStartMs + durationMs);

  const searchFromMs = Math.max(startMs, fromMs - durationMs);
  const searchToMs = Math.min(toMs, untilMs, LAST_PLANNABLE_MS);
  const candidates =
    searchToMs < searchFromMs
      ? [{ index: 0, startMs }]
      : listCandidates(rule, task.timeZone, startMs, searchFromMs, searchToMs);

  const kept = candidates.filter(isKept).sort((a, b) => a.startMs - b.startMs || a.index - b.index);
  // Two wall times can land on one instant (a 02:00 moved out of a gap onto a generated 03:00);
  // one patrol at that moment is what was meant, and the lower index keeps ids stable.
  return kept
    .filter((candidate, i) => i === 0 || candidate.startMs !== kept[i - 1]!.startMs)
    .map((candidate) => toOccurrence(candidate, durationMs));
}

interface Candidate {
  readonly index: number;
  readonly startMs: number;
}

/**
 * Every occurrence starting within [fromMs, toMs] (instants), possibly a few more around it,
 * each with its index in the whole series.
 */
function listCandidates(
  rule: RecurrenceRule,
  timeZone: string,
  startMs: number,
  fromMs: number,
  toMs: number,
): Candidate[] {
  const firstWall = toWallMs(startMs, timeZone);
  const fromWall = toWallMs(fromMs, timeZone) - findWallMarginMs(fromMs, timeZone);
  const toWall = toWallMs(toMs, timeZone) + findWallMarginMs(toMs, timeZone);
  const fromFirst = createWallSeries(rule, firstWall, null);

  // startAt is the first occurrence even when the rule would not generate it (a Tuesday start
  // for BYDAY=MO): RFC 5545 says DTSTART "always counts as the first occurrence", COUNT included.
  const isFirstGenerated = betweenWalls(fromFirst, firstWall, firstWall).length > 0;
  const added = isFirstGenerated ? 0 : 1;
  const candidates: Candidate[] = [{ index: 0, startMs }];

  // Indexes count from startAt, so a window years later would otherwise mean generating every
  // occurrence in between. When the rule repeats itself exactly every `period` of wall time, we
  // restart the series whole periods later and add the occurrences those periods held.
  let seriesWall = firstWall;
  let skipped = 0;
  const period = findRepeatPeriodMs(rule);
  if (period !== null && fromWall - firstWall >= period) {
    const periods = Math.floor((fromWall - firstWall) / period);
    skipped = periods * betweenWalls(fromFirst, firstWall, firstWall + period - 1).length;
    seriesWall = firstWall + periods * period;
  }

  const remaining = rule.count === null ? null : rule.count - added - skipped;
  if (remaining !== null && remaining <= 0) return candidates;
  const series =
    seriesWall === firstWall && remaining === null
      ? fromFirst
      : createWallSeries(rule, seriesWall, remaining);
  betweenWalls(series, seriesWall, toWall).forEach((wall, i) => {
    const index = added + skipped + i;
    // Index 0 is startAt itself, which may be the second of two repeated wall times.
    if (index === 0 || wall.epochMilliseconds < fromWall) return;
    const startAt = wall
      .toPlainDateTime()
      .toZonedDateTime(timeZone, { disambiguation: 'compatible' });
    candidates.push({ index, startMs: startAt.epochMilliseconds });
  });
  return candidates;
}

/**
 * The wall-clock span after which the rule's occurrences repeat exactly, or null when months or
 * years of different lengths make it irregular. Filters on hours, minutes, seconds or weekdays
 * all repeat within a week, so a filtered sub-weekly rule repeats after lcm(step, 1 week).
 */
function findRepeatPeriodMs(rule: RecurrenceRule): number | null {
  const unit = FIXED_UNIT_MS[rule.frequency];
  const hasCalendarParts =
    rule.byMonth.length + rule.byMonthDay.length + rule.byYearDay.length + rule.byWeekNo.length > 0;
  if (unit === undefined || hasCalendarParts) return null;
  const step = rule.interval * unit;
  const hasFilters =
    rule.byDay.length + rule.byHour.length + rule.byMinute.length + rule.bySecond.length > 0;
  const period = hasFilters ? (step / greatestCommonDivisor(step, WEEK_MS)) * WEEK_MS : step;
  return Number.isSafeInteger(period) ? period : null;
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/**
 * The rule as rrule-temporal sees it: DTSTART is a wall time written as a UTC reading. COUNT is
 * passed so the library stops early; UNTIL is not, because it is an instant and is compared
 * only after the wall times have been placed in the real zone.
 */
function createWallSeries(
  rule: RecurrenceRule,
  startWall: number,
  count: number | null,
): RRuleTemporal {
  const orUndefined = <T>(values: readonly T[]) => (values.length > 0 ? [...values] : undefined);
  return new RRuleTemporal({
    temporal: Temporal,
    tzid: 'UTC',
    dtstart: Temporal.Instant.fromEpochMilliseconds(startWall).toZonedDateTimeISO('UTC'),
    freq: rule.frequency,
    interval: rule.interval,
    count: count ?? undefined,
    bySecond: orUndefined(rule.bySecond),
    byMinute: orUndefined(rule.byMinute),
    byHour: orUndefined(rule.byHour),
    byDay: orUndefined(rule.byDay.map((day) => `${day.ordinal ?? ''}${day.weekday}`)),
    byMonthDay: orUndefined(rule.byMonthDay),
    byYearDay: orUndefined(rule.byYearDay),
    byWeekNo: orUndefined(rule.byWeekNo),
    byMonth: orUndefined(rule.byMonth),
    bySetPos: orUndefined(rule.bySetPos),
    wkst: rule.weekStart,
    maxIterations: MAX_LIBRARY_PERIODS,
  });
}

function betweenWalls(series: RRuleTemporal, fromWall: number, toWall: number) {
  return series.between(new Date(fromWall), new Date(toWall), true);
}

/** The location's wall-clock reading at an instant, as milliseconds of a UTC reading. */
function toWallMs(instantMs: number, timeZone: string): number {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instantMs).toZonedDateTimeISO(timeZone);
  return instantMs + zoned.offsetNanoseconds / 1_000_000;
}

/** The margin a wall-clock bound needs around `instantMs`: none unless the offset changes there. */
function findWallMarginMs(instantMs: number, timeZone: string): number {
  const offsets = [instantMs - WALL_MARGIN_MS, instantMs, instantMs + WALL_MARGIN_MS].map(
    (ms) => toWallMs(ms, timeZone) - ms,
  );
  return offsets.every((offset) => offset === offsets[1]) ? 0 : WALL_MARGIN_MS;
}

/** A date-only UNTIL includes that whole local date (RFC 5545), so it ends at the next midnight. */
function resolveUntil(until: RecurrenceUntil, timeZone: string): number {
  if (until.kind === 'INSTANT') return until.at.getTime();
  const nextDay = Temporal.PlainDate.from(until.date).add({ days: 1 });
  return nextDay.toZonedDateTime({ timeZone }).epochMilliseconds - 1;
}

function toOccurrence({ index, startMs }: Candidate, durationMs: number): Occurrence {
  return { index, startAt: new Date(startMs), endAt: new Date(startMs + durationMs) };
}
