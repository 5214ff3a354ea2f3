import 'mantine-datatable/styles.css';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  TagsInput,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import { useMemo, type ReactNode } from 'react';
import { useApi } from '../api/admin-api.js';
import {
  IconArrowLeft,
  IconClock,
  IconPencil,
  IconPlus,
  IconRefresh,
} from '../components/icons.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { currentUtcOffset } from '../components/time-zone-select.js';
import {
  PRIORITY_COLORS,
  PRIORITY_LABELS,
  PRIORITY_OPTIONS,
  STATE_LABELS,
  STATE_OPTIONS,
  STATUS_COLORS,
  STATUS_LABELS,
  STATUS_OPTIONS,
  executionColor,
} from './execution-labels.js';
import { ScheduleCalendar } from './schedule-calendar.js';
import type { ScheduleSearch, ScheduleView } from './schedule-search.js';
import {
  allLocationsQueryOptions,
  allUsersQueryOptions,
  executionsQueryOptions,
  MAX_SCHEDULE_EXECUTIONS,
  fullName,
  type TaskExecution,
} from './schedule.queries.js';
import {
  addDays,
  formatDay,
  startOfWeek,
  today as todayAtBrowser,
  wallTimeOf,
  zoneAbbreviation,
} from './zoned-time.js';

const route = getRouteApi('/app/schedule');
const HOUR_MS = 3_600_000;
/** Zones run from UTC−12 to UTC+14: a day at any location lies within this margin of UTC. */
const ZONE_MARGIN_MS = 14 * HOUR_MS;

const split = (value: string | undefined): string[] => (value ? value.split(',') : []);
const join = (values: readonly string[]): string | undefined =>
  values.length > 0 ? values.join(',') : undefined;

type FilterKey = 'locationIds' | 'assigneeIds' | 'states' | 'statuses' | 'tags' | 'priorities';

export function SchedulePage() {
  const api = useApi();
  const navigate = useNavigate({ from: '/schedule' });
  const search = route.useSearch();
  const view: ScheduleView = search.view ?? 'week';
  const today = todayAtBrowser();
  const date = search.date ?? today;
  const days = useMemo(() => {
    if (view === 'day') return [date];
    const monday = startOfWeek(date);
    return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
  }, [view, date]);

  // Each location reads the days on its own clock, so the query covers them in every zone and
  // each execution is then placed by its location's wall time.
  const window = useMemo(
    () => ({
      from: new Date(Date.parse(`${days[0]}T00:00:00Z`) - ZONE_MARGIN_MS).toISOString(),
      to: new Date(
        Date.parse(`${addDays(days[days.length - 1]!, 1)}T00:00:00Z`) + ZONE_MARGIN_MS,
      ).toISOString(),
    }),
    [days],
  );
  const filters = {
    locationIds: search.locationIds,
    assigneeIds: search.assigneeIds,
    states: search.states,
    statuses: search.statuses,
    tags: search.tags,
    priorities: search.priorities,
  };
  const executions = useQuery(executionsQueryOptions(api, window, filters));
  const locations = useQuery(allLocationsQueryOptions(api));
  const users = useQuery(allUsersQueryOptions(api));
  const locationsById = useMemo(
    () => new Map((locations.data ?? []).map((location) => [location.id, location])),
    [locations.data],
  );
  const usersById = useMemo(
    () => new Map((users.data ?? []).map((user) => [user.id, user])),
    [users.data],
  );

  const zoneOf = (execution: TaskExecution) =>
    locationsById.get(execution.locationId)?.timeZone ?? 'UTC';
  // Only what falls on the shown days at its own location (the query's margin reaches further).
  const shown = (executions.data?.items ?? []).filter((execution) => {
    const start = wallTimeOf(execution.startAt, zoneOf(execution)).date;
    const end = wallTimeOf(execution.endAt, zoneOf(execution)).date;
    return start <= days[days.length - 1]! && end >= days[0]!;
  });
  const zones = [...new Set(shown.map(zoneOf))].sort();

  const setSearch = (changes: Partial<ScheduleSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, ...changes }), replace: true });
  const setFilter = (key: FilterKey, values: string[]) => setSearch({ [key]: join(values) });
  const hasFilters = Object.values(filters).some((value) => value !== undefined);
  const step = view === 'day' ? 1 : 7;

  const newTaskButton = (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() =>
        void navigate({ to: '/tasks/new', search: { date: view === 'day' ? date : undefined } })
      }
    >
      New task
    </Button>
  );

  const assigneeNames = (execution: TaskExecution) =>
    execution.seenStates
      .map((seen) => {
        const user = usersById.get(seen.assigneeId);
        return user ? fullName(user) : 'Unknown member';
      })
      .join(', ');

  return (
    <>
      <PageHeader
        title="Schedule"
        description="Every planned, running and finished execution. Times are shown at each location, in its own time zone; the view refreshes by itself."
        actions={newTaskButton}
      />

      <Group justify="space-between" mb="sm" gap="sm" wrap="wrap">
        <Group gap="xs" wrap="wrap">
          <Button
            variant="default"
            size="sm"
            aria-label={view === 'day' ? 'Previous day' : 'Previous week'}
            onClick={() => setSearch({ date: addDays(date, -step) })}
          >
            <IconArrowLeft size={16} />
          </Button>
          <Button variant="default" size="sm" onClick={() => setSearch({ date: undefined })}>
            Today
          </Button>
          <Button
            variant="default"
            size="sm"
            aria-label={view === 'day' ? 'Next day' : 'Next week'}
            onClick={() => setSearch({ date: addDays(date, step) })}
          >
            <IconArrowLeft size={16} style={{ transform: 'rotate(180deg)' }} />
          </Button>
          <Text fw={600} data-testid="schedule-range">
            {view === 'day'
              ? formatDay(date, { weekday: 'long', month: 'long', year: 'numeric' })
              : `${formatDay(days[0]!)} – ${formatDay(days[6]!, { year: 'numeric' })}`}
          </Text>
          {executions.isFetching && !executions.isPending && (
            <Tooltip label="Refreshing">
              <IconRefresh size={14} aria-label="Refreshing" />
            </Tooltip>
          )}
        </Group>
        <SegmentedControl
          aria-label="View"
          value={view}
          onChange={(value) => setSearch({ view: value })}
          data={[
            { value: 'week', label: 'Week' },
            { value: 'day', label: 'Day' },
            { value: 'list', label: 'List' },
          ]}
        />
      </Group>

      <Paper withBorder radius="md" p="sm" mb="md">
        <SimpleGrid cols={{ base: 2, md: 3, xl: 6 }} spacing="sm">
          <MultiSelect
            label="Location"
            placeholder="All"
            searchable
            clearable
            data={(locations.data ?? []).map((location) => ({
              value: location.id,
              label: location.name,
            }))}
            value={split(search.locationIds)}
            onChange={(values) => setFilter('locationIds', values)}
          />
          <MultiSelect
            label="Assignee"
            placeholder="Anyone"
            searchable
            clearable
            data={(users.data ?? [])
              .filter((user) => !user.archived)
              .map((user) => ({ value: user.id, label: fullName(user) }))}
            value={split(search.assigneeIds)}
            onChange={(values) => setFilter('assigneeIds', values)}
          />
          <MultiSelect
            label="State"
            placeholder="Any (not canceled)"
            clearable
            data={STATE_OPTIONS}
            value={split(search.states)}
            onChange={(values) => setFilter('states', values)}
          />
          <MultiSelect
            label="Status"
            placeholder="Any"
            clearable
            data={STATUS_OPTIONS}
            value={split(search.statuses)}
            onChange={(values) => setFilter('statuses', values)}
          />
          <TagsInput
            label="Tags"
            placeholder="Any"
            clearable
            value={split(search.tags)}
            onChange={(values) => setFilter('tags', values)}
          />
          <MultiSelect
            label="Priority"
            placeholder="Any"
            clearable
            data={PRIORITY_OPTIONS}
            value={split(search.priorities)}
            onChange={(values) => setFilter('priorities', values)}
          />
        </SimpleGrid>
      </Paper>

      {zones.length > 0 && (
        <Group gap={6} mb="xs" data-testid="schedule-zones">
          <IconClock size={14} />
          <Text size="xs" c="dimmed">
            {zones.length === 1 ? 'Times in ' : 'Times at each location: '}
            {zones
              .map(
                (zone) => `${zone} (${currentUtcOffset(zone, new Date(`${days[0]}T12:00:00Z`))})`,
              )
              .join(', ')}
          </Text>
        </Group>
      )}

      {executions.data?.truncated && (
        <Alert color="yellow" mb="sm" data-testid="schedule-truncated">
          Showing the first {MAX_SCHEDULE_EXECUTIONS} executions of this{' '}
          {view === 'day' ? 'day' : 'week'} by start time. Filter by location, assignee or state
          {view === 'day' ? '' : ', or open a single day,'} to see the rest.
        </Alert>
      )}
      {/* For the page benchmark (bench/admin-pages.bench.ts): the window's executions are shown. */}
      {executions.isSuccess && locations.isSuccess && <span data-testid="schedule-ready" hidden />}
      {executions.isPending || locations.isPending ? (
        <LoadingState label="Loading the schedule…" />
      ) : executions.isError ? (
        <ErrorState error={executions.error} onRetry={() => void executions.refetch()} />
      ) : locations.isError ? (
        <ErrorState error={locations.error} onRetry={() => void locations.refetch()} />
      ) : locations.data.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyState
            title="No locations to plan at"
            description="Tasks are planned at a location. Once you have one, its tasks appear here."
            action={
              <Button component={Link} to="/locations" variant="default">
                Locations
              </Button>
            }
          />
        </Paper>
      ) : view === 'list' ? (
        shown.length === 0 ? (
          <NothingPlanned hasFilters={hasFilters} onClear={clearFilters} action={newTaskButton} />
        ) : (
          <DataTable<TaskExecution>
            aria-label="Executions"
            withTableBorder
            borderRadius="md"
            verticalSpacing="sm"
            highlightOnHover
            records={shown}
            idAccessor="id"
            onRowClick={({ record }) =>
              void navigate({
                to: '/executions/$executionId',
                params: { executionId: record.id },
              })
            }
            columns={[
              {
                accessor: 'startAt',
                title: 'When',
                noWrap: true,
                render: (execution) => (
                  <ExecutionWindow execution={execution} timeZone={zoneOf(execution)} />
                ),
              },
              {
                accessor: 'name',
                title: 'Task',
                render: (execution) => (
                  <div>
                    <Text
                      size="sm"
                      fw={500}
                      td={execution.state === 'CANCELED' ? 'line-through' : undefined}
                    >
                      {execution.name}
                    </Text>
                    {execution.tags.length > 0 && (
                      <Group gap={4} mt={2}>
                        {execution.tags.map((tag) => (
                          <Badge key={tag} size="xs" variant="outline" color="gray">
                            {tag}
                          </Badge>
                        ))}
                      </Group>
                    )}
                  </div>
                ),
              },
              {
                accessor: 'locationId',
                title: 'Location',
                visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.sm})`,
                render: (execution) => (
                  <Text size="sm">{locationsById.get(execution.locationId)?.name ?? '—'}</Text>
                ),
              },
              {
                accessor: 'seenStates',
                title: 'Assignees',
                visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.lg})`,
                render: (execution) => (
                  <Text
                    size="sm"
                    c={execution.seenStates.length ? undefined : 'dimmed'}
                    lineClamp={2}
                  >
                    {execution.seenStates.length ? assigneeNames(execution) : 'Nobody'}
                  </Text>
                ),
              },
              {
                accessor: 'state',
                title: 'State',
                render: (execution) => (
                  <Badge variant="light" color={executionColor(execution)}>
                    {execution.expired && execution.state === 'PLANNED'
                      ? 'Expired'
                      : STATE_LABELS[execution.state]}
                  </Badge>
                ),
              },
              {
                accessor: 'status',
                title: 'Status',
                render: (execution) =>
                  execution.status ? (
                    <Badge variant="dot" color={STATUS_COLORS[execution.status]}>
                      {STATUS_LABELS[execution.status]}
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  ),
              },
              {
                accessor: 'priority',
                title: 'Priority',
                visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.md})`,
                render: (execution) => (
                  <Badge variant="light" color={PRIORITY_COLORS[execution.priority]}>
                    {PRIORITY_LABELS[execution.priority]}
                  </Badge>
                ),
              },
              {
                accessor: 'actions',
                title: <VisuallyHidden>Actions</VisuallyHidden>,
                textAlign: 'right',
                width: 56,
                render: (execution) =>
                  execution.state === 'PLANNED' && (
                    <Tooltip label="Edit or cancel">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Edit ${execution.name}`}
                        onClick={(event) => {
                          event.stopPropagation();
                          void navigate({
                            to: '/executions/$executionId/edit',
                            params: { executionId: execution.id },
                          });
                        }}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                  ),
              },
            ]}
          />
        )
      ) : (
        <>
          {shown.length === 0 && (
            <Text size="sm" c="dimmed" mb="xs" data-testid="empty-state">
              {hasFilters
                ? 'Nothing matches these filters on these days.'
                : `Nothing is planned on ${view === 'day' ? 'this day' : 'these days'}.`}
            </Text>
          )}
          <ScheduleCalendar
            days={days}
            executions={shown}
            locations={locationsById}
            today={today}
            onSelectDay={
              view === 'week' ? (day) => setSearch({ view: 'day', date: day }) : undefined
            }
          />
        </>
      )}
    </>
  );

  function clearFilters() {
    setSearch({
      locationIds: undefined,
      assigneeIds: undefined,
      states: undefined,
      statuses: undefined,
      tags: undefined,
      priorities: undefined,
    });
  }
}

function NothingPlanned({
  hasFilters,
  onClear,
  action,
}: {
  hasFilters: boolean;
  onClear: () => void;
  action: ReactNode;
}) {
  return (
    <Paper withBorder radius="md">
      {hasFilters ? (
        <EmptyState
          title="Nothing matches these filters"
          description="Try other filters, another week, or clear them."
          action={
            <Button variant="default" onClick={onClear}>
              Clear filters
            </Button>
          }
        />
      ) : (
        <EmptyState
          title="Nothing planned in this period"
          description="Plan a task: once or repeating, at one of your locations."
          action={action}
        />
      )}
    </Paper>
  );
}

/** `Mon 7 Dec, 20:00–22:00 EET`: read at the location, with its zone named. */
function ExecutionWindow({ execution, timeZone }: { execution: TaskExecution; timeZone: string }) {
  const start = wallTimeOf(execution.startAt, timeZone);
  const end = wallTimeOf(execution.endAt, timeZone);
  return (
    <Tooltip label={timeZone}>
      <div data-testid="list-execution-window">
        <Text size="sm">{formatDay(start.date)}</Text>
        <Text size="xs" c="dimmed">
          {start.time}–{end.date === start.date ? end.time : `${formatDay(end.date)} ${end.time}`}{' '}
          {zoneAbbreviation(execution.startAt, timeZone)}
        </Text>
      </div>
    </Tooltip>
  );
}
