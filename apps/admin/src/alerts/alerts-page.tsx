import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { describeActorId, useLocationDirectory, useMemberDirectory } from '../api/directories.js';
import { describeError, unwrap } from '../api/problem.js';
import { IconCheck, IconSettings } from '../components/icons.js';
import { IconBell } from '../components/integration-icons.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { ZonedTime } from '../components/zoned-time.js';
import { useSignedIn } from '../session/session-hooks.js';
import { canManageIntegrations } from '../session/session.js';
import {
  alertListQueryOptions,
  alertsQueryKey,
  TRIGGER_LABELS,
  type Alert,
  type AlertStatusFilter,
  type AlertTrigger,
} from './alerts.queries.js';

const FILTERS: { value: AlertStatusFilter; label: string }[] = [
  { value: 'OPEN', label: 'Open' },
  { value: 'ACKNOWLEDGED', label: 'Acknowledged' },
  { value: 'ALL', label: 'All' },
];

/** The alerts inbox: what needs a person now, open first; acknowledging stops the escalation. */
export function AlertsPage() {
  const api = useApi();
  const { membership } = useSignedIn();
  const [status, setStatus] = useState<AlertStatusFilter>('OPEN');
  const alerts = useQuery(alertListQueryOptions(api, status));

  return (
    <>
      <PageHeader
        title="Alerts"
        description="Missed patrols, late starts, runs with errors, serious issues and panics, as your alert rules define them. Each alert is passed from one escalation step to the next until someone acknowledges it."
        actions={
          canManageIntegrations(membership.role) && (
            <Button
              component={Link}
              to="/management/alert-rules"
              variant="default"
              leftSection={<IconSettings size={16} />}
            >
              Alert rules
            </Button>
          )
        }
      />
      <SegmentedControl
        mb="md"
        aria-label="Show alerts"
        data={FILTERS}
        value={status}
        onChange={(value) => setStatus(value)}
      />
      {alerts.isPending ? (
        <LoadingState label="Loading alerts…" />
      ) : alerts.isError ? (
        <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : alerts.data.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyState
            icon={<IconBell size={28} />}
            title={status === 'OPEN' ? 'No open alerts' : 'No alerts'}
            description={
              status === 'OPEN'
                ? 'Nothing is waiting for a person. New alerts appear here by themselves.'
                : 'Alerts appear when something meets one of your alert rules.'
            }
          />
        </Paper>
      ) : (
        <Stack gap="sm" aria-label="Alerts" role="list">
          {alerts.data.map((alert) => (
            <AlertCard key={alert.id} alert={alert} />
          ))}
        </Stack>
      )}
    </>
  );
}

function AlertCard({ alert }: { alert: Alert }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const locations = useLocationDirectory();
  const members = useMemberDirectory();
  const location = alert.locationId ? locations.data?.get(alert.locationId) : undefined;
  const acknowledge = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/alerts/{id}/acknowledge', { params: { path: { id: alert.id } } })),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: `Acknowledged: ${alert.title}` });
      await queryClient.invalidateQueries({ queryKey: alertsQueryKey });
    },
    onError: (error) =>
      notifications.show({
        color: 'red',
        title: 'Not acknowledged',
        message: describeError(error),
      }),
  });
  const isOpen = alert.status === 'OPEN';

  return (
    <Card withBorder radius="md" padding="md" role="listitem" aria-label={alert.title}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Badge color={isOpen ? 'red' : 'gray'} variant={isOpen ? 'filled' : 'light'}>
              {isOpen ? 'Open' : 'Acknowledged'}
            </Badge>
            <Badge color="gray" variant="outline">
              {TRIGGER_LABELS[alert.trigger as AlertTrigger] ?? alert.trigger}
            </Badge>
            {isOpen && alert.level > 0 && (
              <Badge color="orange" variant="light">
                Escalated to step {alert.level + 1}
              </Badge>
            )}
          </Group>
          <Text fw={600}>{alert.title}</Text>
          {alert.detail && (
            <Text size="sm" c="dimmed">
              {alert.detail}
            </Text>
          )}
          <Group gap="md" mt={4}>
            <Text size="sm">{location?.name ?? (alert.locationId ? '…' : 'Any location')}</Text>
            <ZonedTime value={alert.createdAt} timeZone={location?.timeZone} />
            {alert.subjectType === 'TASK_EXECUTION' && (
              <Anchor
                size="sm"
                renderRoot={(props) => (
                  <Link
                    {...props}
                    to="/executions/$executionId"
                    params={{ executionId: alert.subjectId }}
                  />
                )}
              >
                Open the execution
              </Anchor>
            )}
            {alert.subjectType === 'ISSUE' && (
              <Anchor
                size="sm"
                renderRoot={(props) => (
                  <Link {...props} to="/issues/$issueId" params={{ issueId: alert.subjectId }} />
                )}
              >
                Open the issue
              </Anchor>
            )}
          </Group>
          {!isOpen && (
            <Text size="xs" c="dimmed">
              Acknowledged by {describeActorId(alert.acknowledgedBy, members.data)}{' '}
              <ZonedTime
                span
                size="xs"
                value={alert.acknowledgedAt}
                timeZone={location?.timeZone}
              />
            </Text>
          )}
        </Stack>
        {isOpen && (
          <Button
            leftSection={<IconCheck size={16} />}
            loading={acknowledge.isPending}
            onClick={() => acknowledge.mutate()}
            aria-label={`Acknowledge ${alert.title}`}
          >
            Acknowledge
          </Button>
        )}
      </Group>
    </Card>
  );
}
