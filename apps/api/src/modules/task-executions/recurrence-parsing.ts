import { Temporal } from 'temporal-polyfill';

/**
 * Turns the wire form of a task's recurrence (`{ rule, exception }`, DESIGN §4) into checked
 * values. We parse the RRULE ourselves instead of handing the text to the recurrence library:
 * its parser is lenient (it guesses at bad input), while an integrator needs to be told which
 * part of the rule is wrong before the task is stored.
 */

export const FREQUENCIES = [
  'SECONDLY',
  'MINUTELY',
  'HOURLY',
  'DAILY',
  'WEEKLY',
  'MONTHLY',
  'YEARLY',
] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One BYDAY entry: `-1FR` is `{ weekday: 'FR', ordinal: -1 }`, plain `FR` has no ordinal. */
export interface WeekdayNumber {
  readonly weekday: Weekday;
  readonly ordinal: number | null;
}

/**
 * UNTIL keeps its RFC 5545 form: a UTC instant, or a bare date that can only be turned into an
 * instant once the location's time zone is known (it means the end of that local date).
 */
export type RecurrenceUntil =
  | { readonly kind: 'INSTANT'; readonly at: Date }
  | { readonly kind: 'DATE'; readonly date: string };

/** An RRULE whose every part has been checked; absent BYxxx parts are empty lists. */
export interface RecurrenceRule {
  readonly frequency: Frequency;
  readonly interval: number;
  readonly count: number | null;
  readonly until: RecurrenceUntil | null;
  readonly bySecond: readonly number[];
  readonly byMinute: readonly number[];
  readonly byHour: readonly number[];
  readonly byDay: readonly WeekdayNumber[];
  readonly byMonthDay: readonly number[];
  readonly byYearDay: readonly number[];
  readonly byWeekNo: readonly number[];
  readonly byMonth: readonly number[];
  readonly bySetPos: readonly number[];
  readonly weekStart: Weekday;
}

export interface ParsedRecurrence {
  readonly rule: RecurrenceRule;
  /** Instants that remove the occurrence starting or ending at them. */
  readonly exceptions: readonly Date[];
}

export interface RecurrenceIssue {
  /** JSON Pointer into the request body, so the service can report it unchanged. */
  readonly pointer: '/recurrence/rule' | '/recurrence/exception';
  readonly detail: string;
}

/** Carries every problem found at once, so an integrator fixes a rule in one round trip. */
export class RecurrenceError extends Error {
  readonly issues: readonly RecurrenceIssue[];

  constructor(issues: readonly RecurrenceIssue[]) {
    super(issues.map((issue) => `${issue.pointer}: ${issue.detail}`).join('; '));
    this.name = 'RecurrenceError';
    this.issues = issues;
  }
}

const RULE = '/recurrence/rule';
const EXCEPTION = '/recurrence/exception';

type ListPart = 'BYSECOND' | 'BYMINUTE' | 'BYHOUR' | 'BYMONTHDAY' | 'BYYEARDAY' | 'BYWEEKNO';
type NumberListPart = ListPart | 'BYMONTH' | 'BYSETPOS';

/** Allowed magnitudes per RFC 5545 §3.3.10; signed parts count back from the end when negative. */
const NUMBER_RANGES: Record<NumberListPart, { min: number; max: number; signed: boolean }> = {
  // RFC 5545 allows second 60 for leap seconds; Temporal, like every clock we run on, has none.
  BYSECOND: { min: 0, max: 59, signed: false },
  BYMINUTE: { min: 0, max: 59, signed: false },
  BYHOUR: { min: 0, max: 23, signed: false },
  BYMONTHDAY: { min: 1, max: 31, signed: true },
  BYYEARDAY: { min: 1, max: 366, signed: true },
  BYWEEKNO: { min: 1, max: 53, signed: true },
  BYMONTH: { min: 1, max: 12, signed: false },
  BYSETPOS: { min: 1, max: 366, signed: true },
};

const KNOWN_PARTS = new Set([
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'WKST',
  'BYDAY',
  ...Object.keys(NUMBER_RANGES),
]);

/** Parses and checks a recurrence; throws a {@link RecurrenceError} naming each bad part. */
export function parseRecurrence(input: {
  rule: string;
  exception: string | null;
}): ParsedRecurrence {
  const issues: RecurrenceIssue[] = [];
  const rule = parseRule(input.rule, (detail) => issues.push({ pointer: RULE, detail }));
  const exceptions = parseExceptions(input.exception, (detail) =>
    issues.push({ pointer: EXCEPTION, detail }),
  );
  if (rule !== null && maxOccurrencesPerDay(rule) > MAX_OCCURRENCES_PER_DAY)
    issues.push({
      pointer: RULE,
      detail: `the rule can repeat up to ${maxOccurrencesPerDay(rule)} times a day; a task repeats at most ${MAX_OCCURRENCES_PER_DAY} times a day (every 5 minutes)`,
    });
  if (issues.length > 0 || rule === null) throw new RecurrenceError(issues);
  return { rule, exceptions };
}

/**
 * Every occurrence is a stored execution within the planning horizon, so a rule that fires every
 * second (86,400 a day) would make millions of rows from one request. Patrols and rounds repeat
 * at most every few minutes.
 */
export const MAX_OCCURRENCES_PER_DAY = 288;

/**
 * An upper bound on a rule's occurrences in one day: the distinct times of day its BYHOUR,
 * BYMINUTE and BYSECOND parts allow (RFC 5545 §3.3.10: they expand coarser frequencies and limit
 * finer ones), and no more than its frequency and interval fit in a day.
 */
export function maxOccurrencesPerDay(rule: RecurrenceRule): number {
  const finerThanDaily = ['SECONDLY', 'MINUTELY', 'HOURLY'].includes(rule.frequency);
  const hours = rule.byHour.length || (finerThanDaily ? 24 : 1);
  const minutes =
    rule.byMinute.length ||
    (rule.frequency === 'SECONDLY' || rule.frequency === 'MINUTELY' ? 60 : 1);
  const seconds = rule.bySecond.length || (rule.frequency === 'SECONDLY' ? 60 : 1);
  const timesOfDay = hours * minutes * seconds;
  switch (rule.frequency) {
    case 'SECONDLY':
      return Math.min(timesOfDay, Math.ceil(86_400 / rule.interval));
    case 'MINUTELY':
      return Math.min(timesOfDay, Math.ceil(1440 / rule.interval) * seconds);
    case 'HOURLY':
      return Math.min(timesOfDay, Math.ceil(24 / rule.interval) * minutes * seconds);
    default:
      return timesOfDay;
  }
}

function parseRule(text: string, report: (detail: string) => void): RecurrenceRule | null {
  let body = text.trim();
  if (body === '') {
    report('the rule is empty; give at least FREQ, e.g. "FREQ=DAILY"');
    return null;
  }
  if (/^RRULE:/i.test(body)) {
    report('remove the "RRULE:" prefix: the rule is the RRULE value only, e.g. "FREQ=DAILY"');
    body = body.slice('RRULE:'.length);
  }

  const values = new Map<string, string>();
  for (const part of body.split(';')) {
    const match = /^([A-Za-z]+)=(.*)$/.exec(part);
    if (part === '') report('the rule has an empty part (";;" or a ";" at either end)');
    else if (!match) report(`part "${part}" is not NAME=VALUE`);
    else {
      const name = match[1]!.toUpperCase();
      if (!KNOWN_PARTS.has(name)) report(`unknown part "${name}"`);
      else if (values.has(name)) report(`part "${name}" appears more than once`);
      // Parts are case-insensitive in RFC 5545 (ABNF strings), so "freq=daily" is accepted.
      else values.set(name, match[2]!.toUpperCase());
    }
  }

  const frequency = parseFrequency(values.get('FREQ'), report);
  const interval = parsePositiveInteger('INTERVAL', values.get('INTERVAL'), report) ?? 1;
  const count = parsePositiveInteger('COUNT', values.get('COUNT'), report);
  const until = parseUntil(values.get('UNTIL'), report);
  const byDay = parseByDay(values.get('BYDAY'), report);
  const weekStart = parseWeekStart(values.get('WKST'), report);
  const numbers = {} as Record<NumberListPart, number[]>;
  for (const name of Object.keys(NUMBER_RANGES) as NumberListPart[]) {
    numbers[name] = parseNumberList(name, values.get(name), report);
  }

  if (values.has('COUNT') && values.has('UNTIL')) report('COUNT and UNTIL cannot be used together');
  if (frequency !== null) checkCombinations(frequency, values, byDay, report);
  if (
    values.has('BYSETPOS') &&
    ![...values.keys()].some((n) => n.startsWith('BY') && n !== 'BYSETPOS')
  )
    report('BYSETPOS needs another BYxxx part to pick positions from');

  if (frequency === null) return null;
  return {
    frequency,
    interval,
    count,
    until,
    bySecond: numbers.BYSECOND,
    byMinute: numbers.BYMINUTE,
    byHour: numbers.BYHOUR,
    byDay,
    byMonthDay: numbers.BYMONTHDAY,
    byYearDay: numbers.BYYEARDAY,
    byWeekNo: numbers.BYWEEKNO,
    byMonth: numbers.BYMONTH,
    bySetPos: numbers.BYSETPOS,
    weekStart,
  };
}

/** The RFC 5545 §3.3.10 "MUST NOT" combinations: each would silently match nothing or be ignored. */
function checkCombinations(
  frequency: Frequency,
  values: ReadonlyMap<string, string>,
  byDay: readonly WeekdayNumber[],
  report: (detail: string) => void,
): void {
  if (values.has('BYMONTHDAY') && frequency === 'WEEKLY')
    report('BYMONTHDAY cannot be used with FREQ=WEEKLY');
  if (values.has('BYYEARDAY') && ['DAILY', 'WEEKLY', 'MONTHLY'].includes(frequency))
    report(`BYYEARDAY cannot be used with FREQ=${frequency}`);
  if (values.has('BYWEEKNO') && frequency !== 'YEARLY')
    report(`BYWEEKNO can only be used with FREQ=YEARLY, not FREQ=${frequency}`);

  for (const { weekday, ordinal } of byDay) {
    if (ordinal === null) continue;
    const entry = `${ordinal}${weekday}`;
    if (frequency !== 'MONTHLY' && frequency !== 'YEARLY')
      report(`BYDAY value "${entry}" has an ordinal, which only FREQ=MONTHLY or YEARLY allows`);
    else if (frequency === 'YEARLY' && values.has('BYWEEKNO'))
      report(`BYDAY value "${entry}" cannot have an ordinal together with BYWEEKNO`);
    // A month holds at most five of any weekday, so a larger ordinal could never match.
    else if (frequency === 'MONTHLY' && Math.abs(ordinal) > 5)
      report(`BYDAY value "${entry}" is out of range: a month has at most 5 of each weekday`);
  }
}

function parseFrequency(value: string | undefined, report: (d: string) => void): Frequency | null {
  if (value === undefined) {
    report('FREQ is required, e.g. "FREQ=DAILY"');
    return null;
  }
  if ((FREQUENCIES as readonly string[]).includes(value)) return value as Frequency;
  report(`FREQ "${value}" is not one of ${FREQUENCIES.join(', ')}`);
  return null;
}

function parsePositiveInteger(
  name: 'INTERVAL' | 'COUNT',
  value: string | undefined,
  report: (d: string) => void,
): number | null {
  if (value === undefined) return null;
  const number = /^\d+$/.test(value) ? Number(value) : NaN;
  if (Number.isSafeInteger(number) && number >= 1) return number;
  report(`${name} "${value}" is not a whole number of at least 1`);
  return null;
}

function parseUntil(
  value: string | undefined,
  report: (d: string) => void,
): RecurrenceUntil | null {
  if (value === undefined) return null;
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (date) {
    const plain = toPlainDateTime(date.slice(1).map(Number));
    if (plain) return { kind: 'DATE', date: plain.toPlainDate().toString() };
    report(`UNTIL "${value}" is not a real date`);
    return null;
  }
  const instant = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (instant) {
    const plain = toPlainDateTime(instant.slice(1).map(Number));
    if (plain) return { kind: 'INSTANT', at: toUtcDate(plain) };
    report(`UNTIL "${value}" is not a real date and time`);
    return null;
  }
  // A local "T210000" without Z is valid iCalendar only for floating events; tasks have a zone.
  const hint = /^\d{8}T\d{6}$/.test(value) ? ' (a time must end in Z: UNTIL is in UTC)' : '';
  report(`UNTIL "${value}" is not YYYYMMDD or YYYYMMDDTHHMMSSZ${hint}`);
  return null;
}

function parseByDay(value: string | undefined, report: (d: string) => void): WeekdayNumber[] {
  if (value === undefined) return [];
  const days: WeekdayNumber[] = [];
  for (const item of value.split(',')) {
    const match = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
    if (!match) {
      report(`BYDAY value "${item}" is not a weekday like MO, FR or -1FR`);
      continue;
    }
    const ordinal = match[1] === undefined ? null : Number(match[1]);
    if (ordinal !== null && (ordinal === 0 || Math.abs(ordinal) > 53)) {
      report(`BYDAY value "${item}" is out of range: the ordinal is 1 to 53 or -53 to -1`);
      continue;
    }
    const day = { weekday: match[2] as Weekday, ordinal };
    if (!days.some((d) => d.weekday === day.weekday && d.ordinal === day.ordinal)) days.push(day);
  }
  return days;
}

function parseWeekStart(value: string | undefined, report: (d: string) => void): Weekday {
  if (value === undefined) return 'MO';
  if ((WEEKDAYS as readonly string[]).includes(value)) return value as Weekday;
  report(`WKST "${value}" is not one of ${WEEKDAYS.join(', ')}`);
  return 'MO';
}

function parseNumberList(
  name: NumberListPart,
  value: string | undefined,
  report: (d: string) => void,
): number[] {
  if (value === undefined) return [];
  const { min, max, signed } = NUMBER_RANGES[name];
  const range = signed ? `${min} to ${max} or ${-max} to ${-min}` : `${min} to ${max}`;
  const numbers: number[] = [];
  for (const item of value.split(',')) {
    if (!(signed ? /^[+-]?\d{1,3}$/ : /^\d{1,2}$/).test(item)) {
      report(`${name} value "${item}" is not a whole number`);
      continue;
    }
    const number = Number(item);
    if (Math.abs(number) < min || Math.abs(number) > max || (!signed && number < 0))
      report(`${name} value "${item}" is out of range ${range}`);
    else if (!numbers.includes(number)) numbers.push(number);
  }
  return numbers;
}

function parseExceptions(value: string | null, report: (d: string) => void): Date[] {
  // An empty string is how many clients say "no exceptions"; refusing it would help no one.
  if (value === null || value.trim() === '') return [];
  const exceptions: Date[] = [];
  for (const raw of value.split(',')) {
    const item = raw.trim();
    const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(item);
    const plain = match ? toPlainDateTime(match.slice(1).map(Number)) : null;
    if (item === '') report('the exception list has an empty item (",," or a "," at either end)');
    else if (!match) report(`exception "${item}" is not a UTC instant YYYYMMDDTHHMMSSZ`);
    else if (!plain) report(`exception "${item}" is not a real date and time`);
    else exceptions.push(toUtcDate(plain));
  }
  return exceptions;
}

/** Null for impossible calendar values (Feb 30, hour 24) instead of Temporal's silent clamping. */
function toPlainDateTime(fields: number[]): Temporal.PlainDateTime | null {
  const [year, month, day, hour = 0, minute = 0, second = 0] = fields as [
    number,
    number,
    number,
    number?,
    number?,
    number?,
  ];
  try {
    return Temporal.PlainDateTime.from(
      { year, month, day, hour, minute, second },
      { overflow: 'reject' },
    );
  } catch {
    return null;
  }
}

function toUtcDate(plain: Temporal.PlainDateTime): Date {
  return new Date(plain.toZonedDateTime('UTC').epochMilliseconds);
}
