/**
 * The report's period: whole days on a location's wall clock, turned into the instants the API
 * takes. Pure, so the day arithmetic is easy to follow and independent of the browser's zone.
 */

/** The API's limit on one report's period. */
export const MAX_REPORT_DAYS = 31;

/** Minutes the zone is ahead of UTC at an instant (Europe/Kyiv in winter: 120). */
function zoneOffsetMinutes(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000);
}

/**
 * The instant a day (`YYYY-MM-DD`) begins in a zone. Midnight is looked up twice because the
 * offset at the guessed instant may differ from the offset at midnight itself near a DST change.
 */
export function startOfDayIn(day: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, date);
  let instant = wall - zoneOffsetMinutes(timeZone, wall) * 60_000;
  instant = wall - zoneOffsetMinutes(timeZone, instant) * 60_000;
  return new Date(instant);
}

/** `YYYY-MM-DD` of the day after. */
export function nextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/** Today on a zone's wall clock, as `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Whole days from `first` through `last`, both included. */
export function daysBetween(first: string, last: string): number {
  return (
    Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000) +
    1
  );
}

/** `[from, to)` for the API: from the first day's midnight to the midnight after the last day. */
export function periodInstants(first: string, last: string, timeZone: string) {
  return {
    from: startOfDayIn(first, timeZone).toISOString(),
    to: startOfDayIn(nextDay(last), timeZone).toISOString(),
  };
}
