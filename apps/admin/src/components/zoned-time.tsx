import { Text, Tooltip, type TextProps } from '@mantine/core';
import { browserTimeZone, formatInstant, formatInstantWithZone } from './date-time.js';

/**
 * An instant at a location, as its people read it: the location's wall clock with the zone named
 * ("4 Dec 2026, 18:00 · Europe/Kyiv"). Without a location (deliveries, sign-ins) the browser's
 * zone is named instead, so nobody has to guess whose clock a time is on.
 */
export function ZonedTime({
  value,
  timeZone,
  empty = '—',
  ...props
}: { value: string | null; timeZone?: string | undefined; empty?: string } & TextProps) {
  if (value === null)
    return (
      <Text size="sm" c="dimmed" {...props}>
        {empty}
      </Text>
    );
  const zone = timeZone ?? browserTimeZone();
  return (
    <Tooltip label={formatInstantWithZone(value, zone)} openDelay={400}>
      <Text size="sm" component="time" dateTime={value} {...props}>
        {formatInstant(value, zone)}{' '}
        <Text span size="xs" c="dimmed">
          {zone}
        </Text>
      </Text>
    </Tooltip>
  );
}
