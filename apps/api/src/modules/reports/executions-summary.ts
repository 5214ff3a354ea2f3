import { Temporal } from 'temporal-polyfill';

/**
 * The dashboard's days (issue 7): "today" is each location's own calendar day, so a site in
 * Kyiv and one in New York are each counted from their local midnight. Pure: no database here.
 */

export interface LocalDays {
  readonly timeZone: string;
  /** The local dates, oldest first; the last is today in this zone. */
  readonly dates: readonly string[];
  /** Local midnights as UTC instants: day i is [boundaries[i], boundaries[i + 1]). */
  readonly boundaries: readonly string[];
}

/** The last `days` calendar days (today included) of a time zone, as of `now`. */
export function localDays(timeZone: string, now: Date, days: number): LocalDays {
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
  const midnight = (date: Temporal.PlainDate) =>
    // startOfDay, not T00:00: a zone may skip midnight on its daylight-saving night.
    new Date(date.toZonedDateTime({ timeZone }).startOfDay().epochMilliseconds).toISOString();
  const dates: string[] = [];
  const boundaries: string[] = [];
  for (let offset = days - 1; offset >= -1; offset--) {
    const date = today.subtract({ days: offset });
    boundaries.push(midnight(date));
    if (offset >= 0) dates.push(date.toString());
  }
  return { timeZone, dates, boundaries };
}

/** The day one execution counts on: how its state and window read at `now`. */
export type DayBucket = 'planned' | 'inProgress' | 'completed' | 'incomplete' | 'expired';

export function bucketOf(state: string, windowEnded: boolean): DayBucket | null {
  if (state === 'COMPLETED') return 'completed';
  if (state === 'INCOMPLETE') return 'incomplete';
  // The expiry job stamps but keeps the state: an unfinished execution past its window is missed.
  if (state === 'PLANNED') return windowEnded ? 'expired' : 'planned';
  if (state === 'IN_PROGRESS') return windowEnded ? 'expired' : 'inProgress';
  return null;
}
