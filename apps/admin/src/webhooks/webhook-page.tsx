import 'mantine-datatable/styles.css';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import { useState, type ReactNode } from 'react';
import { useApi } from '../api/admin-api.js';
import { describeError, ProblemError, unwrap } from '../api/problem.js';
import { browserTimeZone } from '../components/date-time.js';
import {
  IconAlertCircle,
  IconArrowLeft,
  IconBan,
  IconCheck,
  IconKey,
  IconPencil,
  IconRefresh,
} from '../components/icons.js';
import { IconSend, IconTrash, IconWebhook } from '../components/integration-icons.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { ZonedTime } from '../components/zoned-time.js';
import { useSignedIn } from '../session/session-hooks.js';
import { canManageIntegrations } from '../session/session.js';
import { DeleteWebhookDialog, useWebhookActions } from './webhook-actions.js';
import { WebhookFormDialog } from './webhook-form-dialog.js';
import { RotateWebhookSecretDialog, WebhookSecretAlert } from './webhook-secret.js';
import {
  webhookDeliveriesQueryOptions,
  webhookQueryOptions,
  webhooksQueryKey,
  type CreatedWebhook,
  type Webhook,
  type WebhookDelivery,
} from './webhooks.queries.js';

const route = getRouteApi('/app/management/webhooks/$webhookId');

const DELIVERY_COLORS: Record<WebhookDelivery['status'], string> = {
  PENDING: 'blue',
  DELIVERED: 'green',
  FAILED: 'red',
};
const DELIVERY_LABELS: Record<WebhookDelivery['status'], string> = {
  PENDING: 'Pending',
  DELIVERED: 'Delivered',
  FAILED: 'Failed',
};

/** One webhook: its settings, the actions on it, and its delivery log. */
export function WebhookPage() {
  const api = useApi();
  const { membership } = useSignedIn();
  const { webhookId } = route.useParams();
  const webhook = useQuery({
    ...webhookQueryOptions(api, webhookId),
    enabled: canManageIntegrations(membership.role),
  });
  const backLink = (
    <Anchor component={Link} to="/management/webhooks" size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        Webhooks
      </Group>
    </Anchor>
  );
  if (!canManageIntegrations(membership.role))
    return <EmptyState title="Owners and Admins manage webhooks" action={backLink} />;
  if (webhook.isPending) return <LoadingState label="Loading the webhook…" />;
  if (webhook.isError)
    return webhook.error instanceof ProblemError && webhook.error.status === 404 ? (
      <EmptyState
        title="This webhook does not exist"
        description="It may have been deleted."
        action={backLink}
      />
    ) : (
      <ErrorState error={webhook.error} onRetry={() => void webhook.refetch()} />
    );
  return <WebhookDetails webhook={webhook.data} backLink={backLink} />;
}

function WebhookDetails({ webhook, backLink }: { webhook: Webhook; backLink: ReactNode }) {
  const navigate = useNavigate();
  const { setEnabled, sendTest } = useWebhookActions();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const [rotating, setRotating] = useState<Webhook | null>(null);
  // The new secret exists only in the rotation's answer: kept in this page's memory, shown once.
  const [rotated, setRotated] = useState<CreatedWebhook | null>(null);

  return (
    <>
      <PageHeader
        eyebrow={backLink}
        title={webhook.description ?? 'Webhook'}
        description={
          <Group gap="xs" component="span">
            <Code>{webhook.url}</Code>
            <Badge color={webhook.enabled ? 'green' : 'gray'} variant="light">
              {webhook.enabled ? 'Enabled' : 'Disabled'}
            </Badge>
          </Group>
        }
        actions={
          <>
            <Button
              leftSection={<IconSend size={16} />}
              loading={sendTest.isPending}
              disabled={!webhook.enabled}
              onClick={() => sendTest.mutate(webhook)}
            >
              Send test event
            </Button>
            <Button
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={() => setEditing(true)}
            >
              Edit
            </Button>
            <Button
              variant="default"
              leftSection={webhook.enabled ? <IconBan size={16} /> : <IconCheck size={16} />}
              loading={setEnabled.isPending}
              onClick={() => setEnabled.mutate({ webhook, enabled: !webhook.enabled })}
            >
              {webhook.enabled ? 'Disable' : 'Enable'}
            </Button>
            <Button
              variant="default"
              leftSection={<IconKey size={16} />}
              onClick={() => setRotating(webhook)}
            >
              Rotate secret
            </Button>
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => setDeleting(webhook)}
            >
              Delete
            </Button>
          </>
        }
      />
      {rotated && (
        <WebhookSecretAlert
          title="Secret rotated: copy the new one now"
          secret={rotated.secret}
          onClose={() => setRotated(null)}
        />
      )}
      {webhook.disabledReason && !webhook.enabled && (
        <Alert color="yellow" icon={<IconAlertCircle />} title="Disabled" mb="md">
          {webhook.disabledReason} Fix the receiver, then enable the webhook again.
        </Alert>
      )}
      <Text size="sm" c="dimmed" mb="lg">
        Events: {webhook.eventTypes.join(', ')}
      </Text>
      <DeliveryLog webhook={webhook} />
      <WebhookFormDialog
        opened={editing}
        webhook={webhook}
        onClose={() => setEditing(false)}
        onCreated={() => undefined}
      />
      <DeleteWebhookDialog
        webhook={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={() => void navigate({ to: '/management/webhooks' })}
      />
      <RotateWebhookSecretDialog
        webhook={rotating}
        onClose={() => setRotating(null)}
        onRotated={setRotated}
      />
    </>
  );
}

function DeliveryLog({ webhook }: { webhook: Webhook }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const deliveries = useQuery(webhookDeliveriesQueryOptions(api, webhook.id));
  const redeliver = useMutation({
    mutationFn: (delivery: WebhookDelivery) =>
      unwrap(
        api.POST('/webhooks/{id}/deliveries/{deliveryId}/redeliver', {
          params: { path: { id: webhook.id, deliveryId: delivery.id } },
        }),
      ),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: 'Sending it again now.' });
      await queryClient.invalidateQueries({
        queryKey: [...webhooksQueryKey, 'deliveries', webhook.id],
      });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Not redelivered', message: describeError(error) }),
  });

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg">
          Delivery log
        </Title>
        <Text size="xs" c="dimmed">
          The newest 200 deliveries · times in {browserTimeZone()}
        </Text>
      </Group>
      {deliveries.isPending ? (
        <LoadingState label="Loading deliveries…" />
      ) : deliveries.isError ? (
        <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : deliveries.data.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyState
            icon={<IconWebhook size={28} />}
            title="Nothing delivered yet"
            description="Send a test event to check the receiver, or wait for the next event this webhook subscribes to."
          />
        </Paper>
      ) : (
        <DataTable<WebhookDelivery>
          aria-label="Deliveries"
          withTableBorder
          borderRadius="md"
          verticalSpacing="sm"
          records={deliveries.data}
          idAccessor="id"
          defaultColumnProps={{ noWrap: true }}
          columns={[
            {
              accessor: 'eventType',
              title: 'Event',
              render: (delivery) => (
                <div>
                  <Text size="sm" ff="monospace">
                    {delivery.eventType}
                  </Text>
                  <Text
                    size="xs"
                    c="dimmed"
                    ff="monospace"
                    title="webhook-id"
                    truncate="end"
                    maw={180}
                  >
                    {delivery.eventId}
                  </Text>
                </div>
              ),
            },
            {
              accessor: 'status',
              title: 'Status',
              render: (delivery) => (
                <Badge color={DELIVERY_COLORS[delivery.status]} variant="light">
                  {DELIVERY_LABELS[delivery.status]}
                </Badge>
              ),
            },
            {
              accessor: 'lastStatusCode',
              title: 'Response',
              render: (delivery) => (
                <Tooltip
                  label={delivery.lastError}
                  disabled={!delivery.lastError}
                  multiline
                  w={320}
                >
                  <Text
                    size="sm"
                    data-testid="delivery-response"
                    c={
                      delivery.lastStatusCode !== null && delivery.lastStatusCode < 300
                        ? 'green'
                        : delivery.lastError
                          ? 'red'
                          : 'dimmed'
                    }
                  >
                    {delivery.lastStatusCode ?? (delivery.lastError ? 'No answer' : '—')}
                  </Text>
                </Tooltip>
              ),
            },
            {
              accessor: 'attempts',
              title: 'Attempts',
              textAlign: 'right',
            },
            {
              accessor: 'createdAt',
              title: 'Created',
              visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.xl})`,
              render: (delivery) => <ZonedTime value={delivery.createdAt} />,
            },
            {
              accessor: 'lastAttemptAt',
              title: 'Last attempt',
              noWrap: true,
              render: (delivery) => <ZonedTime value={delivery.lastAttemptAt} empty="Not yet" />,
            },
            {
              accessor: 'deliveredAt',
              title: 'Took',
              noWrap: true,
              render: (delivery) => (
                <Text size="sm" c={delivery.deliveredAt ? undefined : 'dimmed'}>
                  {delivery.deliveredAt
                    ? formatDuration(delivery.createdAt, delivery.deliveredAt)
                    : '—'}
                </Text>
              ),
            },
            {
              accessor: 'actions',
              title: <VisuallyHidden>Actions</VisuallyHidden>,
              textAlign: 'right',
              render: (delivery) =>
                delivery.status !== 'PENDING' && (
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconRefresh size={14} />}
                    loading={redeliver.isPending && redeliver.variables.id === delivery.id}
                    onClick={() => redeliver.mutate(delivery)}
                  >
                    Redeliver
                  </Button>
                ),
            },
          ]}
        />
      )}
    </>
  );
}

/** From the event to its successful delivery, retries included: "0.4 s", "3 min". */
function formatDuration(fromIso: string, toIso: string): string {
  const milliseconds = Math.max(0, Date.parse(toIso) - Date.parse(fromIso));
  if (milliseconds < 60_000) return `${(milliseconds / 1000).toFixed(1)} s`;
  if (milliseconds < 3_600_000) return `${Math.round(milliseconds / 60_000)} min`;
  return `${(milliseconds / 3_600_000).toFixed(1)} h`;
}
