import { Select, type ComboboxItem, type ComboboxItemGroup, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { IconWorld } from './icons.js';

/** "GMT+02:00" for Europe/Kyiv in winter: the offset the zone has right now. */
export function currentUtcOffset(timeZone: string, at = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((candidate) => candidate.type === 'timeZoneName');
    const offset = part?.value ?? 'GMT';
    return offset === 'GMT' ? 'UTC' : offset.replace('GMT', 'UTC');
  } catch {
    return '';
  }
}

function listTimeZones(): string[] {
  // Every zone this browser knows; UTC is not always in the list but is what many organizations use.
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

function cityOf(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replaceAll('_', ' ');
}

function groupTimeZones(zones: readonly string[]): ComboboxItemGroup<ComboboxItem>[] {
  const now = new Date();
  const groups = new Map<string, ComboboxItemGroup<ComboboxItem>>();
  for (const zone of zones) {
    const region = zone.includes('/') ? (zone.split('/')[0] ?? 'Other') : 'Other';
    const offset = currentUtcOffset(zone, now);
    const label = `${zone === 'UTC' ? 'UTC' : cityOf(zone)} (${offset}) · ${zone}`;
    const group: ComboboxItemGroup<ComboboxItem> = groups.get(region) ?? {
      group: region,
      items: [],
    };
    group.items.push({ value: zone, label });
    groups.set(region, group);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, group]) => group);
}

/**
 * An IANA time-zone picker: searchable by city, region or zone name, grouped by region, with each
 * zone's current UTC offset. A stored zone this browser does not list (an alias such as
 * Europe/Kiev) is kept as an option rather than silently replaced.
 */
export function TimeZoneSelect({
  value,
  ...props
}: Omit<SelectProps, 'data' | 'searchable'> & { value: string | null }) {
  const data = useMemo(() => {
    const zones = listTimeZones();
    return groupTimeZones(value && !zones.includes(value) ? [value, ...zones] : zones);
  }, [value]);
  return (
    <Select
      searchable
      data={data}
      value={value}
      leftSection={<IconWorld size={16} />}
      nothingFoundMessage="No time zone matches"
      maxDropdownHeight={280}
      limit={200}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
