import { Temporal } from 'temporal-polyfill';

/**
 * When a scheduled report goes out and which executions it covers. Days are the schedule's time
 * zone's calendar days, so a daily report covers 23 or 25 hours across a daylight-saving change.
 * A send hour that does not exist that night (the spring-forward gap) moves forward by the gap's
 * length, as recurring tasks do (DESIGN §4).
 */

export interface SendTiming {
  readonly frequency: 'DAILY' | 'WEEKLY';
  /** WEEKLY: 1 (Monday) to 7 (Sunday). */
  readonly weekday: number | null;
  /** 0–23, local. */
  readonly hour: number;
  readonly timeZone: string;
}

export interface ReportPeriod {
  /** Inclusive: local midnight starting the first day reported. */
  readonly from: string;
  /** Exclusive: local midnight of the day the report is sent. */
  readonly to: string;
}

const iso = (zoned: Temporal.ZonedDateTime) => new Date(zoned.epochMilliseconds).toISOString();

/** The first send instant strictly after `after`. */
export function nextSendAt(timing: SendTiming, after: Date): string {
  const afterMillis = after.getTime();
  let day = Temporal.Instant.fromEpochMilliseconds(afterMillis)
    .toZonedDateTimeISO(timing.timeZone)
    .toPlainDate();
  // Eight days always reach the weekday and get past a send time earlier today.
  for (let step = 0; step < 8; step++, day = day.add({ days: 1 })) {
    if (timing.frequency === 'WEEKLY' && day.dayOfWeek !== timing.weekday) continue;
    const send = day.toZonedDateTime({
      timeZone: timing.timeZone,
      plainTime: new Temporal.PlainTime(timing.hour),
    });
    if (send.epochMilliseconds > afterMillis) return iso(send);
  }
  throw new Error('unreachable: a send time exists within eight days');
}

/** What a report sent at `sendAt` covers: the day before it, or the seven days before it. */
export function periodOf(timing: SendTiming, sendAt: string): ReportPeriod {
  const sendDay = Temporal.Instant.from(sendAt).toZonedDateTimeISO(timing.timeZone).toPlainDate();
  const days = timing.frequency === 'DAILY' ? 1 : 7;
  return {
    from: iso(sendDay.subtract({ days }).toZonedDateTime({ timeZone: timing.timeZone })),
    to: iso(sendDay.toZonedDateTime({ timeZone: timing.timeZone })),
  };
}
