import { Box, Paper, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useRef } from 'react';
import { STATE_LABELS, executionColor } from './execution-labels.js';
import type { Location, TaskExecution } from './schedule.queries.js';
import { formatDay, wallTimeOf, zoneAbbreviation } from './zoned-time.js';

const HOUR_PX = 44;
const DAY_MINUTES = 24 * 60;
const px = (minutes: number) => (minutes / 60) * HOUR_PX;

/** One execution's part within one day column, in that location's wall-clock minutes. */
interface Segment {
  readonly execution: TaskExecution;
  readonly timeZone: string;
  readonly top: number;
  readonly bottom: number;
  readonly label: string;
  lane: number;
  lanes: number;
}

function segmentsOfDay(
  date: string,
  executions: readonly TaskExecution[],
  locations: ReadonlyMap<string, Location>,
): Segment[] {
  const segments: Segment[] = [];
  for (const execution of executions) {
    const timeZone = locations.get(execution.locationId)?.timeZone ?? 'UTC';
    const start = wallTimeOf(execution.startAt, timeZone);
    const end = wallTimeOf(execution.endAt, timeZone);
    if (date < start.date || date > end.date) continue;
    const top = date === start.date ? start.minutes : 0;
    const bottom = date === end.date ? end.minutes : DAY_MINUTES;
    // A window ending at midnight has nothing on the next day.
    if (bottom <= top && !(date === start.date && start.minutes === end.minutes)) continue;
    segments.push({
      execution,
      timeZone,
      top,
      bottom: Math.max(bottom, top + 20),
      label: `${start.time}–${end.time} ${zoneAbbreviation(execution.startAt, timeZone)}`,
      lane: 0,
      lanes: 1,
    });
  }
  // Side by side when windows overlap: each takes the first free lane of its group.
  segments.sort((a, b) => a.top - b.top || b.bottom - a.bottom);
  let group: Segment[] = [];
  let groupBottom = -1;
  const closeGroup = () => {
    const lanes = Math.max(1, ...group.map((segment) => segment.lane + 1));
    for (const segment of group) segment.lanes = lanes;
    group = [];
  };
  for (const segment of segments) {
    if (segment.top >= groupBottom) closeGroup();
    const laneEnds = new Map<number, number>();
    for (const other of group)
      laneEnds.set(other.lane, Math.max(laneEnds.get(other.lane) ?? 0, other.bottom));
    let lane = 0;
    while ((laneEnds.get(lane) ?? -1) > segment.top) lane++;
    segment.lane = lane;
    group.push(segment);
    groupBottom = Math.max(groupBottom, segment.bottom);
  }
  closeGroup();
  return segments;
}

/**
 * Columns per day, each execution placed by its window as read at ITS location (so a 20:00
 * patrol in Kyiv sits at 20:00 whatever zone the browser is in), the zone named on the card.
 */
export function ScheduleCalendar({
  days,
  executions,
  locations,
  today,
  onSelectDay,
}: {
  days: readonly string[];
  executions: readonly TaskExecution[];
  locations: ReadonlyMap<string, Location>;
  today: string;
  /** In the week view, a day's heading opens that day alone. */
  onSelectDay?: (date: string) => void;
}) {
  const navigate = useNavigate();
  const viewport = useRef<HTMLDivElement>(null);
  const segmentsByDay = useMemo(
    () => days.map((date) => segmentsOfDay(date, executions, locations)),
    [days, executions, locations],
  );
  const tops = segmentsByDay.flat().map((segment) => segment.top);
  // The first execution of the period is in view (an hour above it), or 06:00 when there is none.
  const firstMinute = tops.length > 0 ? Math.max(0, Math.min(...tops) - 60) : 6 * 60;
  const scrolledFor = useRef<string | null>(null);
  const periodKey = `${days[0]}:${tops.length > 0}`;
  useEffect(() => {
    // Only when the period changes or its executions first arrive, never on a background refresh.
    if (scrolledFor.current === periodKey) return;
    scrolledFor.current = periodKey;
    viewport.current?.scrollTo({ top: px(firstMinute) });
  }, [periodKey, firstMinute]);

  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Box
        style={{
          display: 'grid',
          gridTemplateColumns: `48px repeat(${days.length}, minmax(0, 1fr))`,
          borderBottom: '1px solid var(--mantine-color-default-border)',
        }}
      >
        <div />
        {days.map((date) => (
          <Box
            key={date}
            py={6}
            px={4}
            ta="center"
            style={{ borderLeft: '1px solid var(--mantine-color-default-border)' }}
            bg={date === today ? 'var(--mantine-primary-color-light)' : undefined}
          >
            {onSelectDay ? (
              <UnstyledButton
                onClick={() => onSelectDay(date)}
                aria-label={`Show ${formatDay(date, { weekday: 'long', month: 'long' })} alone`}
              >
                <Text size="xs" fw={600} truncate td="underline dotted">
                  {formatDay(date)}
                </Text>
              </UnstyledButton>
            ) : (
              <Text size="xs" fw={600} truncate>
                {formatDay(date)}
              </Text>
            )}
          </Box>
        ))}
      </Box>
      <ScrollArea.Autosize mah="65vh" viewportRef={viewport} type="auto">
        <Box
          style={{
            display: 'grid',
            gridTemplateColumns: `48px repeat(${days.length}, minmax(0, 1fr))`,
            height: px(DAY_MINUTES),
            position: 'relative',
          }}
        >
          <Box style={{ position: 'relative' }}>
            {Array.from({ length: 24 }, (_, hour) => (
              <Text
                key={hour}
                size="xs"
                c="dimmed"
                ta="right"
                pr={6}
                style={{ position: 'absolute', top: px(hour * 60) - 7, right: 0 }}
              >
                {hour === 0 ? '' : `${String(hour).padStart(2, '0')}:00`}
              </Text>
            ))}
          </Box>
          {days.map((date, dayIndex) => (
            <Box
              key={date}
              role="group"
              aria-label={formatDay(date, { weekday: 'long', month: 'long' })}
              data-date={date}
              data-testid="calendar-day"
              style={{
                position: 'relative',
                borderLeft: '1px solid var(--mantine-color-default-border)',
                backgroundImage: `repeating-linear-gradient(to bottom, var(--mantine-color-default-border) 0, var(--mantine-color-default-border) 1px, transparent 1px, transparent ${HOUR_PX}px)`,
              }}
            >
              {segmentsByDay[dayIndex]!.map((segment) => {
                const { execution } = segment;
                const location = locations.get(execution.locationId);
                const color = executionColor(execution);
                return (
                  <UnstyledButton
                    key={execution.id}
                    data-testid="calendar-execution"
                    data-execution-id={execution.id}
                    aria-label={`${execution.name}, ${segment.label}, ${location?.name ?? ''}, ${STATE_LABELS[execution.state]}`}
                    title={`${execution.name}\n${segment.label} (${segment.timeZone})\n${location?.name ?? ''}\n${STATE_LABELS[execution.state]}`}
                    onClick={() =>
                      void navigate({
                        to: '/executions/$executionId',
                        params: { executionId: execution.id },
                      })
                    }
                    style={{
                      position: 'absolute',
                      top: px(segment.top),
                      height: px(segment.bottom - segment.top) - 2,
                      left: `calc(${(segment.lane / segment.lanes) * 100}% + 2px)`,
                      width: `calc(${100 / segment.lanes}% - 4px)`,
                      overflow: 'hidden',
                      borderRadius: 4,
                      padding: '2px 4px',
                      background: `var(--mantine-color-${color}-light)`,
                      borderLeft: `3px solid var(--mantine-color-${color}-filled)`,
                      textDecoration: execution.state === 'CANCELED' ? 'line-through' : undefined,
                      opacity: execution.state === 'CANCELED' ? 0.6 : 1,
                    }}
                  >
                    <Text size="xs" fw={600} lh={1.2} truncate>
                      {execution.name}
                    </Text>
                    <Text size="xs" lh={1.2} truncate data-testid="calendar-execution-time">
                      {segment.label}
                    </Text>
                    {location && (
                      <Text size="xs" c="dimmed" lh={1.2} truncate>
                        {location.name}
                      </Text>
                    )}
                  </UnstyledButton>
                );
              })}
            </Box>
          ))}
        </Box>
      </ScrollArea.Autosize>
    </Paper>
  );
}
