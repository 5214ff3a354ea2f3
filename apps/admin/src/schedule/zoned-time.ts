/**
 * Wall-clock readings at a location, from the browser's Intl data. Plans are shown and entered
 * in the LOCATION's time zone, whatever zone the browser is in. Occurrence times themselves
 * always come from the server (its recurrence engine); this only reads and writes one instant.
 */

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface WallTime {
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** `HH:mm` */
  readonly time: string;
  /** Minutes since local midnight. */
  readonly minutes: number;
}

/** The wall-clock reading as milliseconds of the same reading in UTC. */
function wallMsOf(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instantMs)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute, parts.second);
}

export function wallTimeOf(instant: string | number | Date, timeZone: string): WallTime {
  const ms = new Date(instant).getTime();
  const wall = new Date(wallMsOf(ms, timeZone));
  const iso = wall.toISOString();
  return {
    date: iso.slice(0, 10),
    time: iso.slice(11, 16),
    minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
}

/**
 * The instant a wall time at the location names. As the server does (DESIGN §4): a time inside
 * a daylight-saving gap moves forward by the gap, and a time that occurs twice means the first.
 */
export function instantOf(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wallMs = Date.UTC(year!, month! - 1, day, hour, minute);
  // The offsets a day either side: around a change, one of the two is in force at this time.
  const before = wallMsOf(wallMs - DAY_MS, timeZone) - (wallMs - DAY_MS);
  const after = wallMsOf(wallMs + DAY_MS, timeZone) - (wallMs + DAY_MS);
  const candidates = [wallMs - before, wallMs - after]
    .filter((ms) => wallMsOf(ms, timeZone) === wallMs)
    .sort((a, b) => a - b);
  // No candidate reads this wall time: it is in a gap, and the earlier offset moves it past it.
  return new Date(candidates[0] ?? wallMs - before);
}

/** `2026-12-07` + days, as plain calendar arithmetic. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week holding `date`. */
export function startOfWeek(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** Today at the browser's location, as people expect "today" to mean. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The zone's short name at an instant (`EET`, `GMT+2`), to name it beside a time. */
export function zoneAbbreviation(instant: string | number | Date, timeZone: string): string {
  return (
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
      .formatToParts(new Date(instant))
      .find((part) => part.type === 'timeZoneName')?.value ?? timeZone
  );
}

/** `Mon 7 Dec` for a calendar date. */
export function formatDay(date: string, options: Intl.DateTimeFormatOptions = {}): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
    ...options,
  }).format(new Date(`${date}T00:00:00Z`));
}

/** An instant as read at the location, with the zone named: `Mon 7 Dec 2026, 20:00 EET`. */
export function formatAtLocation(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(instant));
}
