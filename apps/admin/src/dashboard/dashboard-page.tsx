import {
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useApi } from '../api/admin-api.js';
import { InstantText } from '../components/date-time.js';
import { IconAlertCircle, IconMapPin, IconPlus } from '../components/icons.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import {
  ExecutionBadges,
  formatLocalTime,
  zoneAbbreviation,
} from '../executions/execution-labels.js';
import { useSignedIn } from '../session/session-hooks.js';
import { canCreateLocations } from '../session/session.js';
import {
  OPEN_ISSUES_SHOWN,
  openAlertsQueryOptions,
  openIssuesQueryOptions,
  summaryQueryOptions,
  type ExecutionSummaryItem,
  type ExecutionsSummary,
} from './dashboard.queries.js';
import { TrendChart } from './trend-chart.js';

const SEVERITY_COLORS: Record<string, string> = {
  LOW: 'gray',
  MEDIUM: 'yellow',
  HIGH: 'orange',
  CRITICAL: 'red',
};

export function DashboardPage() {
  const api = useApi();
  const summary = useQuery(summaryQueryOptions(api));

  return (
    <>
      <PageHeader
        title="Dashboard"
        description="Today at a glance, each location in its own day, and how the last two weeks went. It refreshes every minute."
      />
      {summary.isPending ? (
        <LoadingState label="Loading today’s executions…" />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <Dashboard summary={summary.data} />
      )}
    </>
  );
}

function Dashboard({ summary }: { summary: ExecutionsSummary }) {
  const { membership } = useSignedIn();
  const today = summary.days.at(-1)!;
  const hasAnyExecution =
    summary.days.some((day) => day.total > 0) ||
    summary.upcoming.total + summary.inProgress.total + summary.needsAttention.total > 0;

  if (summary.locations.length === 0)
    return (
      <Paper withBorder radius="md">
        <EmptyState
          icon={<IconMapPin size={28} />}
          title="No locations yet"
          description={
            canCreateLocations(membership.role)
              ? 'Add the first site your team works at; then plan its tasks, and this page fills in.'
              : 'The locations assigned to you appear here once the Owner adds them.'
          }
          action={
            canCreateLocations(membership.role) && (
              <Button component={Link} to="/locations/new" leftSection={<IconPlus size={16} />}>
                New location
              </Button>
            )
          }
        />
      </Paper>
    );
  if (!hasAnyExecution)
    return (
      <Stack gap="lg">
        <Paper withBorder radius="md">
          <EmptyState
            title="No tasks yet"
            description="Plan a patrol, round or inspection: its executions, results and alerts show up here."
            action={
              <Button component={Link} to="/tasks/new" leftSection={<IconPlus size={16} />}>
                Plan a task
              </Button>
            }
          />
        </Paper>
        <OpenIssuesAndAlerts summary={summary} />
      </Stack>
    );

  const zones = [...new Set(summary.locations.map((location) => location.timeZone))];
  return (
    <Stack gap="lg" data-testid="dashboard-ready">
      <Text size="xs" c="dimmed">
        Today is {[...new Set(summary.locations.map((location) => location.today))].join(' / ')} (
        {zones.join(', ')}).
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        <Stat label="Planned" value={today.planned} testId="stat-planned" />
        <Stat label="In progress" value={today.inProgress} testId="stat-in-progress" />
        <Stat label="Completed" value={today.completed} color="teal" testId="stat-completed" />
        <Stat
          label="Expired"
          hint="window ended unfinished"
          value={today.expired}
          color={today.expired > 0 ? 'red' : undefined}
          testId="stat-expired"
        />
        <Stat
          label="Incomplete"
          value={today.incomplete}
          color={today.incomplete > 0 ? 'orange' : undefined}
          testId="stat-incomplete"
        />
        <Stat
          label="Late starts"
          value={today.lateStarts}
          color={today.lateStarts > 0 ? 'orange' : undefined}
          testId="stat-late-starts"
        />
        <Stat
          label="Warnings"
          value={today.warnings}
          color={today.warnings > 0 ? 'yellow' : undefined}
          testId="stat-warnings"
        />
        <Stat
          label="Errors"
          value={today.errors}
          color={today.errors > 0 ? 'red' : undefined}
          testId="stat-errors"
        />
      </SimpleGrid>

      <Paper withBorder radius="md" p="md">
        <Title order={2} fz="md" mb="sm">
          Last {summary.days.length} days
        </Title>
        <TrendChart days={summary.days} />
      </Paper>

      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
        <ExecutionList
          title="Needs attention"
          emptyText="Nothing late, missed or in error today."
          list={summary.needsAttention}
          summary={summary}
          testId="list-needs-attention"
        />
        <ExecutionList
          title="In progress"
          emptyText="Nobody is performing a task right now."
          list={summary.inProgress}
          summary={summary}
          testId="list-in-progress"
        />
        <ExecutionList
          title="Up next"
          emptyText="Nothing else is planned for today."
          list={summary.upcoming}
          summary={summary}
          testId="list-upcoming"
        />
      </SimpleGrid>

      <OpenIssuesAndAlerts summary={summary} />
    </Stack>
  );
}

function Stat({
  label,
  value,
  hint,
  color,
  testId,
}: {
  label: string;
  value: number;
  hint?: string;
  color?: string | undefined;
  testId: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} c={color} data-testid="stat-value">
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

function Panel({
  title,
  count,
  children,
  testId,
}: {
  title: string;
  count?: ReactNode;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="md">
          {title}
        </Title>
        {count !== undefined && (
          <Badge variant="light" color="gray" data-testid="list-total">
            {count}
          </Badge>
        )}
      </Group>
      {children}
    </Paper>
  );
}

function ExecutionList({
  title,
  emptyText,
  list,
  summary,
  testId,
}: {
  title: string;
  emptyText: string;
  list: ExecutionsSummary['upcoming'];
  summary: ExecutionsSummary;
  testId: string;
}) {
  const locations = new Map(summary.locations.map((location) => [location.id, location]));
  return (
    <Panel title={title} count={list.total} testId={testId}>
      {list.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {list.items.map((item) => (
            <li key={item.id}>
              <ExecutionRow item={item} location={locations.get(item.locationId)} />
            </li>
          ))}
          {list.total > list.items.length && (
            <Text size="xs" c="dimmed" component="li">
              and {list.total - list.items.length} more
            </Text>
          )}
        </Stack>
      )}
    </Panel>
  );
}

function ExecutionRow({
  item,
  location,
}: {
  item: ExecutionSummaryItem;
  location: ExecutionsSummary['locations'][number] | undefined;
}) {
  const timeZone = location?.timeZone ?? 'UTC';
  return (
    <UnstyledButton
      renderRoot={(props) => (
        <Link to="/executions/$executionId" params={{ executionId: item.id }} {...props} />
      )}
      display="block"
      p={6}
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
    >
      <Text size="sm" fw={500} truncate>
        {item.name}
      </Text>
      <Text size="xs" c="dimmed" truncate>
        {formatLocalTime(item.startAt, timeZone)}–{formatLocalTime(item.endAt, timeZone)}{' '}
        {zoneAbbreviation(item.startAt, timeZone)} · {location?.name ?? ''}
      </Text>
      <Box mt={4}>
        <ExecutionBadges execution={item} size="xs" />
      </Box>
    </UnstyledButton>
  );
}

function OpenIssuesAndAlerts({ summary }: { summary: ExecutionsSummary }) {
  const api = useApi();
  const issues = useQuery(openIssuesQueryOptions(api));
  const alerts = useQuery(openAlertsQueryOptions(api));
  const locations = new Map(summary.locations.map((location) => [location.id, location]));

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" p={0}>
      <Panel
        title="Open issues"
        count={
          issues.data ? `${issues.data.issues.length}${issues.data.hasMore ? '+' : ''}` : undefined
        }
        testId="list-open-issues"
      >
        {issues.isPending ? (
          <LoadingState label="Loading issues…" />
        ) : issues.isError ? (
          <ErrorState error={issues.error} onRetry={() => void issues.refetch()} />
        ) : issues.data.issues.length === 0 ? (
          <Text size="sm" c="dimmed">
            No open issues.
          </Text>
        ) : (
          <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {issues.data.issues.map((issue) => (
              <li key={issue.id}>
                <Group justify="space-between" wrap="nowrap" gap="xs" p={6}>
                  <div style={{ minWidth: 0 }}>
                    <Anchor
                      renderRoot={(props) => (
                        <Link to="/issues/$issueId" params={{ issueId: issue.id }} {...props} />
                      )}
                      size="sm"
                      fw={500}
                    >
                      #{issue.number} {issue.title}
                    </Anchor>
                    <Group gap={4} wrap="nowrap">
                      <InstantText
                        value={issue.createdAt}
                        relative
                        size="xs"
                        c="dimmed"
                        timeZone={locations.get(issue.locationId)?.timeZone}
                      />
                      <Text size="xs" c="dimmed" truncate>
                        · {locations.get(issue.locationId)?.name ?? ''}
                      </Text>
                    </Group>
                  </div>
                  <Badge size="xs" color={SEVERITY_COLORS[issue.severity] ?? 'gray'}>
                    {issue.severity}
                  </Badge>
                </Group>
              </li>
            ))}
            {issues.data.hasMore && (
              <Anchor component={Link} to="/issues" size="xs">
                More than {OPEN_ISSUES_SHOWN}: see all issues
              </Anchor>
            )}
          </Stack>
        )}
      </Panel>
      <Panel title="Open alerts" count={alerts.data?.length} testId="list-open-alerts">
        {alerts.isPending ? (
          <LoadingState label="Loading alerts…" />
        ) : alerts.isError ? (
          <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
        ) : alerts.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No open alerts.
          </Text>
        ) : (
          <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {alerts.data.slice(0, 8).map((alert) => (
              <li key={alert.id}>
                <Group gap="xs" wrap="nowrap" p={6} align="flex-start">
                  <IconAlertCircle size={16} color="var(--mantine-color-red-6)" />
                  <div style={{ minWidth: 0 }}>
                    {alert.subjectType === 'TASK_EXECUTION' ? (
                      <Anchor
                        renderRoot={(props) => (
                          <Link
                            to="/executions/$executionId"
                            params={{ executionId: alert.subjectId }}
                            {...props}
                          />
                        )}
                        size="sm"
                      >
                        {alert.title}
                      </Anchor>
                    ) : alert.subjectType === 'ISSUE' ? (
                      <Anchor
                        renderRoot={(props) => (
                          <Link
                            to="/issues/$issueId"
                            params={{ issueId: alert.subjectId }}
                            {...props}
                          />
                        )}
                        size="sm"
                      >
                        {alert.title}
                      </Anchor>
                    ) : (
                      <Text size="sm">{alert.title}</Text>
                    )}
                    <InstantText value={alert.createdAt} relative size="xs" c="dimmed" />
                  </div>
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </Panel>
    </SimpleGrid>
  );
}
