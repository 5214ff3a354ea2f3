/**
 * The recurrence builder's plain-words choices and the RRULE text they stand for. Only the
 * text goes to the server, which checks it and expands it (the preview shows its answer); the
 * builder reads back rules it wrote itself and shows anything else as custom text.
 */

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

export type RepeatMode = 'NONE' | 'DAILY' | 'WEEKLY' | 'MONTHLY_DAY' | 'MONTHLY_WEEKDAY' | 'CUSTOM';
export type RepeatEnd = 'NEVER' | 'COUNT' | 'UNTIL';

export interface RepeatValues {
  mode: RepeatMode;
  interval: number | string;
  weekdays: Weekday[];
  monthDay: number | string;
  /** 1–4, or -1 for the last. */
  weekdayOrdinal: string;
  ordinalWeekday: Weekday;
  end: RepeatEnd;
  count: number | string;
  /** `YYYY-MM-DD`, inclusive, at the location. */
  untilDate: string;
  customRule: string;
}

export const ORDINALS: { value: string; label: string }[] = [
  { value: '1', label: 'first' },
  { value: '2', label: 'second' },
  { value: '3', label: 'third' },
  { value: '4', label: 'fourth' },
  { value: '-1', label: 'last' },
];

/** The builder's defaults for a task starting on `date` (`YYYY-MM-DD`). */
export function defaultRepeat(date: string): RepeatValues {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = WEEKDAYS[(day.getUTCDay() + 6) % 7]!;
  const dayOfMonth = day.getUTCDate();
  return {
    mode: 'NONE',
    interval: 1,
    weekdays: [weekday],
    monthDay: dayOfMonth,
    weekdayOrdinal: String(Math.min(4, Math.ceil(dayOfMonth / 7))),
    ordinalWeekday: weekday,
    end: 'NEVER',
    count: 10,
    untilDate: '',
    customRule: '',
  };
}

/** The RRULE (without `RRULE:`) for the choices, or null for a single occurrence. */
export function buildRule(repeat: RepeatValues): string | null {
  if (repeat.mode === 'NONE') return null;
  if (repeat.mode === 'CUSTOM') return repeat.customRule.trim();
  const parts: string[] = [];
  const interval = Number(repeat.interval) || 1;
  switch (repeat.mode) {
    case 'DAILY':
      parts.push('FREQ=DAILY');
      break;
    case 'WEEKLY':
      parts.push('FREQ=WEEKLY');
      // Monday-first order reads naturally and matches what the server echoes back.
      parts.push(`BYDAY=${WEEKDAYS.filter((day) => repeat.weekdays.includes(day)).join(',')}`);
      break;
    case 'MONTHLY_DAY':
      parts.push('FREQ=MONTHLY', `BYMONTHDAY=${Number(repeat.monthDay)}`);
      break;
    case 'MONTHLY_WEEKDAY':
      parts.push('FREQ=MONTHLY', `BYDAY=${repeat.weekdayOrdinal}${repeat.ordinalWeekday}`);
      break;
  }
  if (interval !== 1) parts.splice(1, 0, `INTERVAL=${interval}`);
  if (repeat.end === 'COUNT') parts.push(`COUNT=${Number(repeat.count)}`);
  // A date-only UNTIL means the end of that day in the location's zone (RFC 5545, and the server).
  if (repeat.end === 'UNTIL' && repeat.untilDate)
    parts.push(`UNTIL=${repeat.untilDate.replaceAll('-', '')}`);
  return parts.join(';');
}

/** The builder's choices for a stored rule; rules it did not write become custom text. */
export function readRule(rule: string | null, startDate: string): RepeatValues {
  const repeat = defaultRepeat(startDate);
  if (rule === null) return repeat;
  const custom = { ...repeat, mode: 'CUSTOM' as const, customRule: rule };
  const parts = new Map<string, string>();
  for (const part of rule.toUpperCase().split(';')) {
    const [name, value] = part.split('=');
    if (!name || value === undefined || parts.has(name)) return custom;
    parts.set(name, value);
  }
  const known = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY']);
  if ([...parts.keys()].some((name) => !known.has(name))) return custom;
  const interval = parts.get('INTERVAL') ?? '1';
  if (!/^\d+$/.test(interval)) return custom;
  repeat.interval = Number(interval);
  const count = parts.get('COUNT');
  const until = parts.get('UNTIL');
  if (count !== undefined && until !== undefined) return custom;
  if (count !== undefined) {
    if (!/^\d+$/.test(count)) return custom;
    repeat.end = 'COUNT';
    repeat.count = Number(count);
  } else if (until !== undefined) {
    // Only a bare date is something the builder offers; an instant stays custom.
    const match = /^(\d{4})(\d{2})(\d{2})$/.exec(until);
    if (!match) return custom;
    repeat.end = 'UNTIL';
    repeat.untilDate = `${match[1]}-${match[2]}-${match[3]}`;
  }
  const byDay = parts.get('BYDAY');
  const byMonthDay = parts.get('BYMONTHDAY');
  switch (parts.get('FREQ')) {
    case 'DAILY':
      if (byDay !== undefined || byMonthDay !== undefined) return custom;
      return { ...repeat, mode: 'DAILY' };
    case 'WEEKLY': {
      if (byMonthDay !== undefined || byDay === undefined) return custom;
      const days = byDay.split(',');
      if (!days.every((day): day is Weekday => (WEEKDAYS as readonly string[]).includes(day)))
        return custom;
      return { ...repeat, mode: 'WEEKLY', weekdays: days };
    }
    case 'MONTHLY': {
      if (byMonthDay !== undefined && byDay === undefined && /^\d{1,2}$/.test(byMonthDay))
        return { ...repeat, mode: 'MONTHLY_DAY', monthDay: Number(byMonthDay) };
      const match = byDay === undefined ? null : /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay);
      if (byMonthDay === undefined && match)
        return {
          ...repeat,
          mode: 'MONTHLY_WEEKDAY',
          weekdayOrdinal: match[1]!,
          ordinalWeekday: match[2] as Weekday,
        };
      return custom;
    }
    default:
      return custom;
  }
}

/** What the choices mean, in words: "Every 2 weeks on Monday and Wednesday, 10 times". */
export function describeRepeat(repeat: RepeatValues): string {
  const interval = Number(repeat.interval) || 1;
  const every = (unit: string) => (interval === 1 ? `Every ${unit}` : `Every ${interval} ${unit}s`);
  const list = (names: string[]) =>
    names.length <= 1
      ? (names[0] ?? '')
      : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  let text: string;
  switch (repeat.mode) {
    case 'NONE':
      return 'Does not repeat';
    case 'CUSTOM':
      return `Custom rule ${repeat.customRule.trim() || '(empty)'}`;
    case 'DAILY':
      text = every('day');
      break;
    case 'WEEKLY':
      text = `${every('week')} on ${list(
        WEEKDAYS.filter((day) => repeat.weekdays.includes(day)).map((day) => WEEKDAY_NAMES[day]),
      )}`;
      break;
    case 'MONTHLY_DAY':
      text = `${every('month')} on day ${Number(repeat.monthDay)}`;
      break;
    case 'MONTHLY_WEEKDAY':
      text = `${every('month')} on the ${
        ORDINALS.find((ordinal) => ordinal.value === repeat.weekdayOrdinal)?.label ?? ''
      } ${WEEKDAY_NAMES[repeat.ordinalWeekday]}`;
      break;
  }
  if (repeat.end === 'COUNT') text += `, ${Number(repeat.count)} times`;
  if (repeat.end === 'UNTIL' && repeat.untilDate) text += `, until ${repeat.untilDate}`;
  return text;
}

/** `2026-12-09T07:00:00.000Z` → `20261209T070000Z`, the exception list's form. */
export function toExceptionInstant(iso: string): string {
  return `${iso.slice(0, 19).replaceAll('-', '').replaceAll(':', '')}Z`;
}

/** `20261209T070000Z` → `2026-12-09T07:00:00.000Z`, or null when it is not that form. */
export function fromExceptionInstant(text: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}.000Z`;
}
