import { Code, Table, Text, Tooltip } from '@mantine/core';
import { formatLocalTime, zoneAbbreviation } from './execution-labels.js';
import { payloadOf, type ExecutionEvent } from './executions.queries.js';

const TYPE_LABELS: Record<ExecutionEvent['type'], string> = {
  SEEN: 'Seen',
  STARTED: 'Started',
  CHECKED_IN: 'Checked in',
  VALUE_RECORDED: 'Value recorded',
  VALUE_CLEARED: 'Value cleared',
  STEP_SKIPPED: 'Step skipped',
  ACTION_SKIPPED: 'Action skipped',
  NOTES_CHANGED: 'Notes changed',
  FINISHED: 'Finished',
  GAVE_UP: 'Gave up',
  CLOSED_AT_DEADLINE: 'Closed at deadline',
};

/** The payload in a line: the value, the method, the reason. */
function describe(event: ExecutionEvent): string {
  const payload = payloadOf(event);
  const parts: string[] = [];
  if (payload.method) parts.push(payload.method);
  if (payload.position)
    parts.push(
      `${payload.position.latitude.toFixed(5)}, ${payload.position.longitude.toFixed(5)} ±${Math.round(payload.position.accuracyInMeters)} m`,
    );
  if (payload.booleanValue !== undefined) parts.push(payload.booleanValue ? 'yes' : 'no');
  if (payload.numberValue !== undefined) parts.push(String(payload.numberValue));
  if (payload.textValue !== undefined) parts.push(`“${payload.textValue}”`);
  if (payload.selectedValues) parts.push(payload.selectedValues.join(', '));
  if (payload.mediaIds) parts.push(`${payload.mediaIds.length} photo(s)`);
  if (payload.reason) parts.push(payload.reason);
  if (payload.notes !== undefined) parts.push(payload.notes ?? 'notes cleared');
  return parts.join(' · ');
}

/**
 * Every event as recorded: when it happened on the device and when the server received it (offline
 * writes arrive later), who wrote it, and the start of its hash. Events from `invalidFrom` on fail
 * verification and are marked.
 */
export function EventLog({
  events,
  timeZone,
  names,
  invalidFrom,
}: {
  events: readonly ExecutionEvent[];
  timeZone: string;
  names: ReadonlyMap<string, string>;
  invalidFrom: number | null;
}) {
  if (events.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No events yet.
      </Text>
    );
  const time = (iso: string) =>
    `${formatLocalTime(iso, timeZone)} ${zoneAbbreviation(iso, timeZone)}`;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table fz="sm" striped verticalSpacing={6} data-testid="event-log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>#</Table.Th>
            <Table.Th>Event</Table.Th>
            <Table.Th>Happened</Table.Th>
            <Table.Th>Received</Table.Th>
            <Table.Th>By</Table.Th>
            <Table.Th>Details</Table.Th>
            <Table.Th>Hash</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const invalid = invalidFrom !== null && event.sequence >= invalidFrom;
            return (
              <Table.Tr key={event.id} bg={invalid ? 'var(--mantine-color-red-light)' : undefined}>
                <Table.Td>{event.sequence}</Table.Td>
                <Table.Td>{TYPE_LABELS[event.type]}</Table.Td>
                <Table.Td>
                  <time dateTime={event.occurredAt}>{time(event.occurredAt)}</time>
                </Table.Td>
                <Table.Td>
                  <time dateTime={event.receivedAt}>{time(event.receivedAt)}</time>
                </Table.Td>
                <Table.Td>
                  {event.actorMemberId ? (names.get(event.actorMemberId) ?? '—') : 'Server'}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {describe(event)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Tooltip label={event.hash} openDelay={300}>
                    <Code>{event.hash.slice(0, 10)}</Code>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
