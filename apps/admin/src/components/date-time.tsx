import { Text, Tooltip, type TextProps } from '@mantine/core';

/** The person's own zone, for instants that belong to no location (token use, sign-ins). */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function formatInstant(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

/** The same instant in full, with its zone named (`4 Dec 2026, 18:00:00 Eastern European Standard Time`). */
export function formatInstantWithZone(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'long',
    timeStyle: 'long',
    timeZone,
  }).format(new Date(iso));
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 hours ago", "in 2 days", "just now". */
export function formatRelative(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

/**
 * An instant as people read it in tables: short, with the full date, time and zone on hover.
 * `empty` stands in for a null value ("Never", "—").
 */
export function InstantText({
  value,
  timeZone,
  relative = false,
  empty = '—',
  ...props
}: {
  value: string | null;
  timeZone?: string;
  relative?: boolean;
  empty?: string;
} & TextProps) {
  if (value === null)
    return (
      <Text size="sm" c="dimmed" {...props}>
        {empty}
      </Text>
    );
  return (
    <Tooltip label={formatInstantWithZone(value, timeZone)} openDelay={400}>
      <Text size="sm" component="time" dateTime={value} {...props}>
        {relative ? formatRelative(value) : formatInstant(value, timeZone)}
      </Text>
    </Tooltip>
  );
}
