import 'mantine-datatable/styles.css';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { InstantText } from '../components/date-time.js';
import {
  IconBan,
  IconCheck,
  IconCopy,
  IconExternalLink,
  IconKey,
  IconLock,
  IconPlus,
} from '../components/icons.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { useSignedIn } from '../session/session-hooks.js';
import { canManageApiTokens } from '../session/session.js';
import {
  apiTokensQueryOptions,
  type ApiToken,
  type CreatedApiToken,
} from './api-tokens.queries.js';
import { CreateApiTokenDialog } from './create-api-token-dialog.js';
import { RevokeApiTokenDialog } from './revoke-api-token-dialog.js';

const STATUS_COLORS: Record<ApiToken['status'], string> = {
  ACTIVE: 'green',
  EXPIRED: 'gray',
  REVOKED: 'red',
};
const STATUS_LABELS: Record<ApiToken['status'], string> = {
  ACTIVE: 'Active',
  EXPIRED: 'Expired',
  REVOKED: 'Revoked',
};

/** Management → External API: the organization's API tokens (Owners only, as on the server). */
export function ApiTokensPage() {
  const { membership } = useSignedIn();
  if (!canManageApiTokens(membership.role))
    return (
      <EmptyState
        icon={<IconLock size={28} />}
        title="Only the Owner manages API tokens"
        description="API tokens act with the Owner’s rights, so only the organization’s Owner can see, create or revoke them."
      />
    );
  return <ApiTokens organizationName={membership.organizationName} />;
}

function ApiTokens({ organizationName }: { organizationName: string }) {
  const api = useApi();
  const tokens = useQuery(apiTokensQueryOptions(api));
  const [addOpened, addDialog] = useDisclosure(false);
  // The secret exists only in the create response: it lives in this page's memory, shown once.
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const addButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={addDialog.open}>
      Add Token
    </Button>
  );

  return (
    <>
      <PageHeader
        eyebrow={
          <Text size="xs" fw={600} tt="uppercase" c="dimmed" style={{ letterSpacing: '0.06em' }}>
            Management
          </Text>
        }
        title="External API"
        description={`Tokens let your other systems — CRM, ERP, reporting — work with ${organizationName} through the OpenPatrol External API. A token acts with Owner rights, except managing tokens; its requests are audited under its name.`}
        actions={
          <>
            <Button
              component="a"
              href="/api/docs"
              target="_blank"
              rel="noopener"
              variant="default"
              rightSection={<IconExternalLink size={16} />}
            >
              Open API docs
            </Button>
            {addButton}
          </>
        }
      />

      {created && (
        <Alert
          color="green"
          variant="light"
          icon={<IconKey />}
          title={`Token “${created.name}” created`}
          withCloseButton
          closeButtonLabel="Hide the new token"
          onClose={() => setCreated(null)}
          mb="md"
        >
          Copy it now with the copy icon in the table: this is the only time the full token is
          shown. Store it in your integration’s secret settings.
        </Alert>
      )}

      {tokens.isPending ? (
        <LoadingState label="Loading tokens…" />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyState
            icon={<IconKey size={28} />}
            title="No API tokens yet"
            description="Create a token for each system that should reach OpenPatrol, so you can revoke one without touching the others."
            action={addButton}
          />
        </Paper>
      ) : (
        <DataTable<ApiToken>
          aria-label="API tokens"
          withTableBorder
          borderRadius="md"
          verticalSpacing="sm"
          highlightOnHover
          defaultColumnProps={{ noWrap: true }}
          idAccessor="id"
          records={tokens.data}
          columns={[
            {
              accessor: 'name',
              title: 'Name',
              render: (token) => (
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={500}>
                    {token.name}
                  </Text>
                  {token.id === created?.id && (
                    <Badge size="xs" variant="filled">
                      New
                    </Badge>
                  )}
                </Group>
              ),
            },
            {
              accessor: 'prefix',
              title: 'Token',
              render: (token) =>
                token.id === created?.id ? (
                  <NewTokenValue token={created.token} />
                ) : (
                  <Code>{token.prefix}…</Code>
                ),
            },
            {
              accessor: 'createdByName',
              title: 'Created by',
              render: (token) => (
                <Text size="sm" c={token.createdByName ? undefined : 'dimmed'}>
                  {token.createdByName ?? 'Command line'}
                </Text>
              ),
            },
            {
              accessor: 'createdAt',
              title: 'Created',
              render: (token) => <InstantText value={token.createdAt} />,
            },
            {
              accessor: 'lastUsedAt',
              title: 'Last used',
              render: (token) => <InstantText value={token.lastUsedAt} relative empty="Never" />,
            },
            {
              accessor: 'expiresAt',
              title: 'Expires',
              render: (token) => <InstantText value={token.expiresAt} empty="Never" />,
            },
            {
              accessor: 'status',
              title: 'Status',
              render: (token) => (
                <Badge color={STATUS_COLORS[token.status]} variant="light">
                  {STATUS_LABELS[token.status]}
                </Badge>
              ),
            },
            {
              accessor: 'actions',
              title: <VisuallyHidden>Actions</VisuallyHidden>,
              textAlign: 'right',
              render: (token) =>
                token.status === 'ACTIVE' ? (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconBan size={14} />}
                    onClick={() => setRevoking(token)}
                    aria-label={`Revoke ${token.name}`}
                  >
                    Revoke
                  </Button>
                ) : null,
            },
          ]}
        />
      )}

      <UsageHint />

      <CreateApiTokenDialog opened={addOpened} onClose={addDialog.close} onCreated={setCreated} />
      <RevokeApiTokenDialog
        token={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={(revoked) => {
          if (revoked.id === created?.id) setCreated(null);
        }}
      />
    </>
  );
}

/** The full secret of a token just created, with the copy icon. */
function NewTokenValue({ token }: { token: string }) {
  return (
    <CopyButton value={token} timeout={4000}>
      {({ copied, copy }) => (
        <Group gap={6} wrap="nowrap">
          <Code
            data-testid="new-token"
            style={{
              maxWidth: 180,
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              whiteSpace: 'nowrap',
            }}
            title={token}
          >
            {token}
          </Code>
          <Tooltip label={copied ? 'Copied' : 'Copy token'} withArrow>
            <ActionIcon
              variant={copied ? 'filled' : 'light'}
              color={copied ? 'teal' : undefined}
              onClick={copy}
              aria-label="Copy token"
            >
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
          {copied && (
            <Text size="xs" c="teal" fw={600} role="status">
              Copied
            </Text>
          )}
        </Group>
      )}
    </CopyButton>
  );
}

function UsageHint() {
  const origin = location.origin;
  return (
    <Paper withBorder radius="md" p="md" mt="lg">
      <Stack gap="xs">
        <Title order={2} fz="md">
          Use a token
        </Title>
        <Text size="sm" c="dimmed">
          Send it in the Authorization header of every request. The API docs list every endpoint and
          let you try them with your token.
        </Text>
        <Code
          block
        >{`curl -H "Authorization: Bearer opk_…" \\\n  "${origin}/api/task-executions/info?from=2026-01-01T00:00:00.000Z&to=2026-01-02T00:00:00.000Z"`}</Code>
      </Stack>
    </Paper>
  );
}
