import { Badge, Group } from '@mantine/core';
import type { Schemas } from '@openpatrol/api-client';

type State = Schemas['TaskExecutionInfo']['state'];
type Status = NonNullable<Schemas['TaskExecutionInfo']['status']>;

const STATES: Record<State, { label: string; color: string }> = {
  PLANNED: { label: 'Planned', color: 'gray' },
  IN_PROGRESS: { label: 'In progress', color: 'blue' },
  COMPLETED: { label: 'Completed', color: 'green' },
  INCOMPLETE: { label: 'Incomplete', color: 'orange' },
  CANCELED: { label: 'Canceled', color: 'gray' },
};

const STATUSES: Record<Status, { label: string; color: string }> = {
  OK: { label: 'OK', color: 'teal' },
  WARNING: { label: 'Warning', color: 'yellow' },
  ERROR: { label: 'Error', color: 'red' },
};

/** The execution's state, and its result once it has one; "Expired" when its window passed unfinished. */
export function ExecutionBadges({
  execution,
  size = 'sm',
}: {
  execution: { state: State; status: Status | null; expired: boolean; lateStart?: boolean | null };
  size?: 'xs' | 'sm' | 'md' | 'lg';
}) {
  const state = STATES[execution.state];
  return (
    <Group gap={6} wrap="wrap">
      <Badge size={size} variant="light" color={state.color} data-testid="state-badge">
        {state.label}
      </Badge>
      {execution.expired && execution.state !== 'COMPLETED' && execution.state !== 'CANCELED' && (
        <Badge size={size} variant="filled" color="red">
          Expired
        </Badge>
      )}
      {execution.status && (
        <Badge
          size={size}
          variant={execution.status === 'OK' ? 'light' : 'filled'}
          color={STATUSES[execution.status].color}
          data-testid="status-badge"
        >
          {STATUSES[execution.status].label}
        </Badge>
      )}
      {execution.lateStart && (
        <Badge size={size} variant="outline" color="orange">
          Late start
        </Badge>
      )}
    </Group>
  );
}

/** "20:00" in the location's zone: lists put the zone once in their heading or tooltip. */
export function formatLocalTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** The zone's short name at that instant ("EET", "GMT-5"), for "20:00 EET". */
export function zoneAbbreviation(iso: string, timeZone: string): string {
  const part = new Intl.DateTimeFormat(undefined, { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date(iso))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}
