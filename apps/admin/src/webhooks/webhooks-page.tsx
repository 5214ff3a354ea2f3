import 'mantine-datatable/styles.css';
import {
  ActionIcon,
  Badge,
  Button,
  Menu,
  Paper,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { useLocationDirectory } from '../api/directories.js';
import {
  IconBan,
  IconCheck,
  IconDots,
  IconLock,
  IconPencil,
  IconPlus,
  IconRefresh,
} from '../components/icons.js';
import { IconSend, IconTrash, IconWebhook } from '../components/integration-icons.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { ZonedTime } from '../components/zoned-time.js';
import { useSignedIn } from '../session/session-hooks.js';
import { canManageIntegrations } from '../session/session.js';
import { DeleteWebhookDialog, useWebhookActions } from './webhook-actions.js';
import { WebhookSecretAlert } from './webhook-secret.js';
import { WebhookFormDialog } from './webhook-form-dialog.js';
import { webhookListQueryOptions, type CreatedWebhook, type Webhook } from './webhooks.queries.js';

/** Management → Webhooks: URLs that receive the organization's events (Owners and Admins). */
export function WebhooksPage() {
  const { membership } = useSignedIn();
  if (!canManageIntegrations(membership.role))
    return (
      <EmptyState
        icon={<IconLock size={28} />}
        title="Owners and Admins manage webhooks"
        description="Webhooks send your organization’s events to other systems, so only Owners and Admins set them up."
      />
    );
  return <Webhooks />;
}

function Webhooks() {
  const api = useApi();
  const navigate = useNavigate();
  const webhooks = useQuery(webhookListQueryOptions(api));
  const locations = useLocationDirectory();
  const { setEnabled, sendTest } = useWebhookActions();
  // null: closed; 'new': adding; a webhook: editing it.
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  // The secret exists only in the create answer: kept in this page's memory, shown once.
  const [created, setCreated] = useState<CreatedWebhook | null>(null);

  const addButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      Add webhook
    </Button>
  );
  const open = (webhook: Webhook) =>
    void navigate({ to: '/management/webhooks/$webhookId', params: { webhookId: webhook.id } });

  return (
    <>
      <PageHeader
        eyebrow={
          <Text size="xs" fw={600} tt="uppercase" c="dimmed" style={{ letterSpacing: '0.06em' }}>
            Management
          </Text>
        }
        title="Webhooks"
        description="OpenPatrol POSTs each event you choose to your URL as it happens, signed so the receiver can check it came from here, and retries failures for 24 hours."
        actions={
          <>
            <Button
              component="a"
              href="/api/docs#/Webhooks"
              target="_blank"
              rel="noopener"
              variant="default"
            >
              Webhooks in the API docs
            </Button>
            {addButton}
          </>
        }
      />

      {created && (
        <WebhookSecretAlert
          title="Webhook added: copy its signing secret now"
          secret={created.secret}
          onClose={() => setCreated(null)}
        />
      )}

      {webhooks.isPending ? (
        <LoadingState label="Loading webhooks…" />
      ) : webhooks.isError ? (
        <ErrorState error={webhooks.error} onRetry={() => void webhooks.refetch()} />
      ) : webhooks.data.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyState
            icon={<IconWebhook size={28} />}
            title="No webhooks yet"
            description="Add one to have completed patrols, reported issues or alerts pushed to your CRM or ticketing system instead of polling for them."
            action={addButton}
          />
        </Paper>
      ) : (
        <DataTable<Webhook>
          aria-label="Webhooks"
          withTableBorder
          borderRadius="md"
          verticalSpacing="sm"
          highlightOnHover
          records={webhooks.data}
          idAccessor="id"
          onRowClick={({ record }) => open(record)}
          rowStyle={(webhook) => (webhook.enabled ? undefined : { opacity: 0.7 })}
          columns={[
            {
              accessor: 'url',
              title: 'URL',
              render: (webhook) => (
                <div>
                  <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
                    {webhook.url}
                  </Text>
                  {webhook.description && (
                    <Text size="xs" c="dimmed">
                      {webhook.description}
                    </Text>
                  )}
                </div>
              ),
            },
            {
              accessor: 'eventTypes',
              title: 'Events',
              render: (webhook) => (
                <Tooltip label={webhook.eventTypes.join(', ')} multiline w={320} openDelay={300}>
                  <Text size="sm">
                    {webhook.eventTypes.length === 1
                      ? webhook.eventTypes[0]
                      : `${webhook.eventTypes.length} events`}
                  </Text>
                </Tooltip>
              ),
            },
            {
              accessor: 'locationIds',
              title: 'Locations',
              visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.sm})`,
              render: (webhook) => (
                <Text size="sm">
                  {webhook.locationIds === null
                    ? 'All'
                    : webhook.locationIds
                        .map((id) => locations.data?.get(id)?.name ?? '…')
                        .join(', ')}
                </Text>
              ),
            },
            {
              accessor: 'enabled',
              title: 'Status',
              render: (webhook) => (
                <Tooltip
                  label={webhook.disabledReason}
                  disabled={!webhook.disabledReason}
                  multiline
                  w={300}
                >
                  <Badge color={webhook.enabled ? 'green' : 'gray'} variant="light">
                    {webhook.enabled ? 'Enabled' : 'Disabled'}
                  </Badge>
                </Tooltip>
              ),
            },
            {
              accessor: 'createdAt',
              title: 'Added',
              noWrap: true,
              visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.lg})`,
              render: (webhook) => <ZonedTime value={webhook.createdAt} />,
            },
            {
              accessor: 'actions',
              title: <VisuallyHidden>Actions</VisuallyHidden>,
              textAlign: 'right',
              width: 56,
              render: (webhook) => (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Actions for ${webhook.url}`}
                      onClick={(event) => event.stopPropagation()}
                    >
                      <IconDots size={18} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown onClick={(event) => event.stopPropagation()}>
                    <Menu.Item
                      leftSection={<IconRefresh size={16} />}
                      onClick={() => open(webhook)}
                    >
                      Delivery log
                    </Menu.Item>
                    <Menu.Item
                      leftSection={<IconSend size={16} />}
                      disabled={!webhook.enabled}
                      onClick={() => sendTest.mutate(webhook)}
                    >
                      Send test event
                    </Menu.Item>
                    <Menu.Item
                      leftSection={<IconPencil size={16} />}
                      onClick={() => setEditing(webhook)}
                    >
                      Edit
                    </Menu.Item>
                    <Menu.Item
                      leftSection={
                        webhook.enabled ? <IconBan size={16} /> : <IconCheck size={16} />
                      }
                      onClick={() => setEnabled.mutate({ webhook, enabled: !webhook.enabled })}
                    >
                      {webhook.enabled ? 'Disable' : 'Enable'}
                    </Menu.Item>
                    <Menu.Divider />
                    <Menu.Item
                      color="red"
                      leftSection={<IconTrash size={16} />}
                      onClick={() => setDeleting(webhook)}
                    >
                      Delete
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              ),
            },
          ]}
        />
      )}

      <WebhookFormDialog
        opened={editing !== null}
        webhook={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onCreated={setCreated}
      />
      <DeleteWebhookDialog
        webhook={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={() => {
          if (deleting?.id === created?.id) setCreated(null);
        }}
      />
    </>
  );
}
