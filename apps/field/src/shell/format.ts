import type { Execution } from '../executions/local-execution.js';

/** "Today", "Tomorrow" or "Mon 7 Dec", for the day of an instant in a time zone. */
export function formatDay(instant: string, timeZone: string | undefined, now = new Date()): string {
  const dayOf = (date: Date) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(date);
  const day = dayOf(new Date(instant));
  if (day === dayOf(now)) return 'Today';
  if (day === dayOf(new Date(now.getTime() + 86_400_000))) return 'Tomorrow';
  if (day === dayOf(new Date(now.getTime() - 86_400_000))) return 'Yesterday';
  return new Intl.DateTimeFormat(undefined, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(new Date(instant));
}

export function formatTime(instant: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
}

/** The window in the location's time zone, naming the zone when it is not the phone's own. */
export function formatWindow(
  execution: Pick<Execution, 'startAt' | 'endAt'>,
  timeZone: string | undefined,
): string {
  const startDay = formatDay(execution.startAt, timeZone);
  const endDay = formatDay(execution.endAt, timeZone);
  const range = `${formatTime(execution.startAt, timeZone)}–${formatTime(execution.endAt, timeZone)}`;
  const text =
    startDay === endDay
      ? `${startDay} ${range}`
      : `${startDay} ${formatTime(execution.startAt, timeZone)} – ${endDay} ${formatTime(execution.endAt, timeZone)}`;
  const ownZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return timeZone && timeZone !== ownZone ? `${text} (${timeZone})` : text;
}

export function formatRelative(instant: string, now = Date.now()): string {
  const minutes = Math.round((now - Date.parse(instant)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return new Date(instant).toLocaleString();
}

/** Late to start or past its window without being finished: the list shows it in red. */
export function overdueOf(execution: Execution, now = Date.now()): 'late-start' | 'expired' | null {
  if (
    execution.state === 'COMPLETED' ||
    execution.state === 'CANCELED' ||
    execution.state === 'INCOMPLETE'
  )
    return null;
  if (Date.parse(execution.endAt) <= now) return 'expired';
  if (execution.state === 'PLANNED' && Date.parse(execution.startAt) <= now) return 'late-start';
  return null;
}

export const STATE_LABELS: Record<Execution['state'], string> = {
  PLANNED: 'Planned',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
  INCOMPLETE: 'Incomplete',
  CANCELED: 'Canceled',
};
