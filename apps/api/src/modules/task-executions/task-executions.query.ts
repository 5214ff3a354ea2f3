import type { ExecutionState } from '../../database/database.js';
import type { FieldError } from '../../shared/app-error.js';
import { isUuid, oneOf, parseQueryList } from '../../shared/query-lists.js';
import { invalidTaskExecutionQuery } from './task-executions.errors.js';
import type { ExecutionFilter, TaskRow } from './task-executions.repository.js';
import type { TaskExecutionInfoQuery } from './task-executions.schemas.js';
import type { PlannedOccurrence } from './task-schedule.js';

/**
 * `GET /task-executions/info`'s query string, checked and turned into a filter. Lists arrive as
 * comma-separated values (the guide's style, and what a URL carries best); every bad value is
 * reported at once, naming its parameter.
 */

const MAX_WINDOW_MS = 31 * 86_400_000;
const STATES: readonly ExecutionState[] = [
  'PLANNED',
  'IN_PROGRESS',
  'COMPLETED',
  'INCOMPLETE',
  'CANCELED',
];
const STATUSES = ['OK', 'WARNING', 'ERROR'] as const;
const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'CRITICAL'] as const;

type QueryFilter = Omit<
  ExecutionFilter,
  'visibleLocationIds' | 'publishedOnly' | 'startingFrom' | 'limit'
>;

export interface InfoQuery {
  readonly from: Date;
  readonly to: Date;
  readonly limit: number;
  readonly filter: QueryFilter;
  /** Whether an occurrence without a row yet (so PLANNED, never updated) passes the filter. */
  matchesUnwritten(task: TaskRow, occurrence: PlannedOccurrence): boolean;
  /** The cursor of the page after `item`. */
  cursorAfter(item: { startAt: string; id: string }): string;
}

/** The keyset cursor: the last item's (startAt, id), opaque to clients. */
function encodeCursor(item: { startAt: string; id: string }): string {
  return Buffer.from(`${item.startAt}|${item.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, errors: FieldError[]) {
  const [startAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!startAt || !id || rest.length > 0 || Number.isNaN(Date.parse(startAt))) {
    errors.push({ in: 'query', pointer: '/cursor', detail: 'is not a cursor of this list' });
    return null;
  }
  return { startAt, id };
}

function parseInstant(value: string, pointer: string, errors: FieldError[]): Date | null {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    errors.push({ in: 'query', pointer, detail: 'is not an ISO-8601 instant' });
    return null;
  }
  return date;
}

function intersects(values: readonly string[] | null, stored: string): boolean {
  if (values === null) return true;
  const storedValues = JSON.parse(stored) as string[];
  return values.some((value) => storedValues.includes(value));
}

export function parseInfoQuery(query: TaskExecutionInfoQuery, now: Date): InfoQuery {
  const errors: FieldError[] = [];
  const from = parseInstant(query.from, '/from', errors);
  const to = parseInstant(query.to, '/to', errors);
  if (from && to && to.getTime() <= from.getTime())
    errors.push({ in: 'query', pointer: '/to', detail: 'must be after from' });
  else if (from && to && to.getTime() - from.getTime() > MAX_WINDOW_MS)
    errors.push({ in: 'query', pointer: '/to', detail: 'must be at most 31 days after from' });
  const ids = (name: keyof TaskExecutionInfoQuery, what: string) =>
    parseQueryList<string>(query[name] as string | undefined, `/${name}`, errors, isUuid, what);
  const states = parseQueryList<ExecutionState>(
    query.states,
    '/states',
    errors,
    oneOf(STATES),
    `states (${STATES.join(', ')})`,
  );
  const filter = {
    ids: ids('ids', 'execution ids'),
    locationIds: ids('locationIds', 'location ids'),
    assigneeIds: ids('assigneeIds', 'member ids'),
    performerIds: ids('performerIds', 'member ids'),
    scheduledTaskIds: ids('scheduledTaskIds', 'task ids'),
    seriesIds: ids('seriesIds', 'series ids'),
    statuses: parseQueryList<(typeof STATUSES)[number]>(
      query.statuses,
      '/statuses',
      errors,
      oneOf(STATUSES),
      `statuses (${STATUSES.join(', ')})`,
    ),
    priorities: parseQueryList<string>(
      query.priorities,
      '/priorities',
      errors,
      oneOf(PRIORITIES),
      `priorities (${PRIORITIES.join(', ')})`,
    ),
    tags: parseQueryList<string>(query.tags, '/tags', errors, () => true, 'tags'),
    // Canceled executions are records most lists do not want: shown when asked for.
    states:
      states ?? STATES.filter((state) => state !== 'CANCELED' || query.includeCanceled === true),
    published: query.published ?? null,
    expired: query.expired ?? null,
    updatedSince:
      query.updatedSince === undefined
        ? null
        : (parseInstant(query.updatedSince, '/updatedSince', errors)?.toISOString() ?? null),
    after: query.cursor === undefined ? null : decodeCursor(query.cursor, errors),
  };
  if (errors.length > 0 || !from || !to)
    throw invalidTaskExecutionQuery({
      detail: `Check ${[...new Set(errors.map((error) => error.pointer))].join(', ')}.`,
      errors,
    });

  const nowIso = now.toISOString();
  const fullFilter: QueryFilter = {
    ...filter,
    from: from.toISOString(),
    to: to.toISOString(),
    now: nowIso,
  };
  return {
    from,
    to,
    limit: query.limit ?? 100,
    filter: fullFilter,
    matchesUnwritten(task, occurrence) {
      const f = fullFilter;
      const expired = occurrence.endAt < nowIso;
      return (
        (f.after === null ||
          occurrence.startAt > f.after.startAt ||
          (occurrence.startAt === f.after.startAt && occurrence.id > f.after.id)) &&
        f.states.includes('PLANNED') &&
        f.statuses === null &&
        f.performerIds === null &&
        f.updatedSince === null &&
        (f.ids === null || f.ids.includes(occurrence.id)) &&
        (f.priorities === null || f.priorities.includes(task.priority)) &&
        (f.published === null || f.published === (task.published === 1)) &&
        (f.expired === null || f.expired === expired) &&
        intersects(f.assigneeIds, task.assigneeIds) &&
        intersects(f.tags, task.tags)
      );
    },
    cursorAfter: encodeCursor,
  };
}
