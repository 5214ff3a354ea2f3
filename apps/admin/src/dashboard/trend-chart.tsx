import { Box, Group, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useId, useState } from 'react';
import type { DaySummary } from './dashboard.queries.js';

/** The three stacks of a day: done, missed (incomplete or expired), and still to come. */
const SERIES = [
  {
    key: 'completed',
    label: 'Completed',
    color: 'var(--mantine-color-teal-6)',
    value: (day: DaySummary) => day.completed,
  },
  {
    key: 'missed',
    label: 'Incomplete or expired',
    color: 'var(--mantine-color-red-6)',
    value: (day: DaySummary) => day.incomplete + day.expired,
  },
  {
    key: 'open',
    label: 'Planned or in progress',
    color: 'var(--mantine-color-gray-4)',
    value: (day: DaySummary) => day.planned + day.inProgress,
  },
] as const;

const WIDTH = 700;
const HEIGHT = 220;
const PLOT_TOP = 12;
const PLOT_BOTTOM = 28;
const PLOT_LEFT = 36;

/** "Mon 7" */
function dayLabel(date: string): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** A tick step giving at most about four gridlines: 1, 2, 5, 10, 20, 50… */
function tickStep(max: number): number {
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(rough, 1)));
  return [1, 2, 5, 10].map((f) => f * magnitude).find((step) => step >= rough) ?? magnitude * 10;
}

/**
 * Completed against incomplete or expired executions per day, as stacked bars in plain SVG (no
 * chart library for one chart). Screen readers get the title and summary, and everyone can open
 * the same numbers as a table.
 */
export function TrendChart({ days }: { days: readonly DaySummary[] }) {
  const titleId = useId();
  const descriptionId = useId();
  const [showTable, setShowTable] = useState(false);
  const max = Math.max(1, ...days.map((day) => day.total));
  const step = tickStep(max);
  const top = Math.ceil(max / step) * step;
  const plotHeight = HEIGHT - PLOT_TOP - PLOT_BOTTOM;
  const slot = (WIDTH - PLOT_LEFT) / days.length;
  const barWidth = Math.min(32, slot * 0.6);
  const y = (value: number) => PLOT_TOP + plotHeight - (value / top) * plotHeight;
  const completed = days.reduce((sum, day) => sum + day.completed, 0);
  const missed = days.reduce((sum, day) => sum + day.incomplete + day.expired, 0);

  return (
    <Box>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={`${titleId} ${descriptionId}`}
        data-testid="trend-chart"
        style={{ display: 'block', maxHeight: 260 }}
      >
        <title id={titleId}>Executions over the last {days.length} days</title>
        <desc id={descriptionId}>
          {completed} completed and {missed} incomplete or expired in {days.length} days.
        </desc>
        {Array.from({ length: top / step + 1 }, (_, index) => index * step).map((value) => (
          <g key={value}>
            <line
              x1={PLOT_LEFT}
              x2={WIDTH}
              y1={y(value)}
              y2={y(value)}
              stroke="var(--mantine-color-default-border)"
              strokeDasharray={value === 0 ? undefined : '3 4'}
            />
            <text
              x={PLOT_LEFT - 6}
              y={y(value) + 4}
              textAnchor="end"
              fontSize="11"
              fill="var(--mantine-color-dimmed)"
            >
              {value}
            </text>
          </g>
        ))}
        {days.map((day, index) => {
          const x = PLOT_LEFT + index * slot + (slot - barWidth) / 2;
          let base = 0;
          return (
            <g key={day.date}>
              {SERIES.map((series) => {
                const value = series.value(day);
                const rect = (
                  <rect
                    key={series.key}
                    x={x}
                    y={y(base + value)}
                    width={barWidth}
                    height={y(base) - y(base + value)}
                    fill={series.color}
                    rx={2}
                  >
                    <title>{`${day.date}: ${value} ${series.label.toLowerCase()}`}</title>
                  </rect>
                );
                base += value;
                return value > 0 ? rect : null;
              })}
              <text
                x={x + barWidth / 2}
                y={HEIGHT - 10}
                textAnchor="middle"
                fontSize="11"
                fontWeight={day.daysAgo === 0 ? 700 : 400}
                fill="var(--mantine-color-dimmed)"
              >
                {day.daysAgo === 0 ? 'Today' : dayLabel(day.date)}
              </text>
            </g>
          );
        })}
      </svg>
      <Group justify="space-between" mt="xs" gap="md">
        <Group gap="md" aria-hidden="true">
          {SERIES.map((series) => (
            <Group key={series.key} gap={6} wrap="nowrap">
              <Box w={10} h={10} style={{ background: series.color, borderRadius: 2 }} />
              <Text size="xs" c="dimmed">
                {series.label}
              </Text>
            </Group>
          ))}
        </Group>
        <UnstyledButton onClick={() => setShowTable((shown) => !shown)} aria-expanded={showTable}>
          <Text size="xs" c="blue">
            {showTable ? 'Hide the numbers' : 'Show the numbers'}
          </Text>
        </UnstyledButton>
      </Group>
      {showTable && (
        <Table.ScrollContainer minWidth={480} mt="sm">
          <Table striped withTableBorder fz="sm" data-testid="trend-table">
            <VisuallyHidden component="caption">Executions per day</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Day</Table.Th>
                <Table.Th ta="right">Completed</Table.Th>
                <Table.Th ta="right">Incomplete or expired</Table.Th>
                <Table.Th ta="right">Planned or in progress</Table.Th>
                <Table.Th ta="right">Late starts</Table.Th>
                <Table.Th ta="right">Warnings</Table.Th>
                <Table.Th ta="right">Errors</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {days.map((day) => (
                <Table.Tr key={day.date}>
                  <Table.Th scope="row" fw={400}>
                    {day.date}
                  </Table.Th>
                  <Table.Td ta="right">{day.completed}</Table.Td>
                  <Table.Td ta="right">{day.incomplete + day.expired}</Table.Td>
                  <Table.Td ta="right">{day.planned + day.inProgress}</Table.Td>
                  <Table.Td ta="right">{day.lateStarts}</Table.Td>
                  <Table.Td ta="right">{day.warnings}</Table.Td>
                  <Table.Td ta="right">{day.errors}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Box>
  );
}
