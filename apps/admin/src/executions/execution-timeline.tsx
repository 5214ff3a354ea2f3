import { Text, Timeline } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatLocalTime, zoneAbbreviation } from './execution-labels.js';
import {
  payloadOf,
  type Execution,
  type ExecutionEvent,
  type Point,
} from './executions.queries.js';

const METHOD_LABELS = { QR: 'QR code', NFC: 'NFC tag', GPS: 'GPS', MANUAL: 'code typed in' };

interface Moment {
  readonly at: string;
  readonly title: string;
  readonly detail?: ReactNode;
  readonly color: string;
}

/** "20:05 EET, 7 Dec": the day too, since a window may cross midnight. */
function when(iso: string, timeZone: string): string {
  const day = new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    timeZone,
  }).format(new Date(iso));
  return `${formatLocalTime(iso, timeZone)} ${zoneAbbreviation(iso, timeZone)}, ${day}`;
}

function minutesBetween(later: string, earlier: string): number {
  return Math.round((Date.parse(later) - Date.parse(earlier)) / 60_000);
}

/**
 * Planned against actual: the window, then what the event log says happened (seen, started, each
 * check-in, skips, finished), at the time it happened on the device, in the location's zone.
 */
export function ExecutionTimeline({
  execution,
  events,
  timeZone,
  names,
  pointsById,
}: {
  execution: Execution;
  events: readonly ExecutionEvent[];
  timeZone: string;
  names: ReadonlyMap<string, string>;
  pointsById: ReadonlyMap<string, Point>;
}) {
  const steps = new Map(execution.steps.map((step) => [step.id, step]));
  const who = (event: ExecutionEvent) =>
    event.actorMemberId ? (names.get(event.actorMemberId) ?? 'a member') : 'the server';

  const moments: Moment[] = [
    {
      at: execution.startAt,
      title: 'Planned start',
      detail: `Window ${formatLocalTime(execution.startAt, timeZone)}–${formatLocalTime(execution.endAt, timeZone)}`,
      color: 'gray',
    },
    { at: execution.endAt, title: 'Planned end', color: 'gray' },
  ];
  for (const event of events) {
    const payload = payloadOf(event);
    const step = payload.stepId ? steps.get(payload.stepId) : undefined;
    switch (event.type) {
      case 'SEEN':
        moments.push({ at: event.occurredAt, title: `Seen by ${who(event)}`, color: 'gray' });
        break;
      case 'STARTED': {
        const late = minutesBetween(event.occurredAt, execution.startAt);
        moments.push({
          at: event.occurredAt,
          title: `Started by ${who(event)}`,
          detail: late > 0 ? `${late} min after the window opened` : undefined,
          color: late > 0 ? 'orange' : 'blue',
        });
        break;
      }
      case 'CHECKED_IN': {
        const point = step ? pointsById.get(step.pointId) : undefined;
        const method = payload.method ? METHOD_LABELS[payload.method] : '';
        const distance =
          payload.distanceInMeters !== undefined
            ? `, ${Math.round(payload.distanceInMeters)} m from the point`
            : '';
        moments.push({
          at: event.occurredAt,
          title: `Checked in at ${step?.name ?? 'a step'}`,
          detail: `${point?.name ?? 'Point'} · ${method}${distance}`,
          color: 'blue',
        });
        break;
      }
      case 'STEP_SKIPPED':
      case 'ACTION_SKIPPED':
        moments.push({
          at: event.occurredAt,
          title:
            event.type === 'STEP_SKIPPED'
              ? `Skipped ${step?.name ?? 'a step'}`
              : 'Skipped an action',
          detail: payload.reason,
          color: 'orange',
        });
        break;
      case 'FINISHED': {
        const late = minutesBetween(event.occurredAt, execution.endAt);
        moments.push({
          at: event.occurredAt,
          title: `Finished by ${who(event)}`,
          detail: late > 0 ? `${late} min after the window closed` : undefined,
          color: late > 0 ? 'orange' : 'teal',
        });
        break;
      }
      case 'GAVE_UP':
        moments.push({
          at: event.occurredAt,
          title: `Given up by ${who(event)}`,
          detail: payload.reason,
          color: 'red',
        });
        break;
      case 'CLOSED_AT_DEADLINE':
        moments.push({ at: event.occurredAt, title: 'Closed at the deadline', color: 'red' });
        break;
      default:
        // Values, cleared values and notes are in the steps and the event log.
        break;
    }
  }
  moments.sort((a, b) => a.at.localeCompare(b.at));
  const now = new Date().toISOString();
  const reached = moments.filter((moment) => moment.at <= now).length;

  return (
    <Timeline active={reached - 1} bulletSize={14} lineWidth={2} data-testid="execution-timeline">
      {moments.map((moment, index) => (
        <Timeline.Item
          key={`${moment.at}-${index}`}
          color={moment.color}
          title={
            <Text size="sm" fw={500}>
              {moment.title}
            </Text>
          }
        >
          <Text size="xs" c="dimmed" component="time" dateTime={moment.at}>
            {when(moment.at, timeZone)}
          </Text>
          {moment.detail && <Text size="xs">{moment.detail}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
