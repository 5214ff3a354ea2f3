import 'mantine-datatable/styles.css';
import {
  Badge,
  Button,
  Modal,
  Paper,
  Stack,
  Text,
  VisuallyHidden,
  Group,
  Alert as MantineAlert,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { memberName, useLocationDirectory, useMemberDirectory } from '../api/directories.js';
import { describeError, unwrap } from '../api/problem.js';
import { IconAlertCircle, IconBan, IconLock, IconPlus } from '../components/icons.js';
import { IconBell } from '../components/integration-icons.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { ZonedTime } from '../components/zoned-time.js';
import { useSignedIn } from '../session/session-hooks.js';
import { canManageIntegrations } from '../session/session.js';
import {
  alertRulesQueryKey,
  alertRulesQueryOptions,
  describeTrigger,
  type AlertRule,
} from './alerts.queries.js';
import { CreateAlertRuleDialog } from './create-alert-rule-dialog.js';

/** Management → Alert rules: what raises an alert, where, and who is told when (Owners and Admins). */
export function AlertRulesPage() {
  const { membership } = useSignedIn();
  if (!canManageIntegrations(membership.role))
    return (
      <EmptyState
        icon={<IconLock size={28} />}
        title="Owners and Admins manage alert rules"
        description="You still receive the alerts your rules send you, and see them in the inbox."
      />
    );
  return <AlertRules />;
}

function AlertRules() {
  const api = useApi();
  const rules = useQuery(alertRulesQueryOptions(api));
  const locations = useLocationDirectory();
  const members = useMemberDirectory();
  const [createOpened, createDialog] = useDisclosure(false);
  const [disabling, setDisabling] = useState<AlertRule | null>(null);

  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={createDialog.open}>
      New rule
    </Button>
  );
  const nameOf = (id: string) => {
    const member = members.data?.get(id);
    return member ? memberName(member) : '…';
  };

  return (
    <>
      <PageHeader
        eyebrow={
          <Text size="xs" fw={600} tt="uppercase" c="dimmed" style={{ letterSpacing: '0.06em' }}>
            Management
          </Text>
        }
        title="Alert rules"
        description="When something happens that needs a person, a rule raises an alert and tells its recipients step by step — by e-mail, and to webhooks subscribed to alert events — until someone acknowledges it."
        actions={newButton}
      />
      {rules.isPending ? (
        <LoadingState label="Loading alert rules…" />
      ) : rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : rules.data.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyState
            icon={<IconBell size={28} />}
            title="No alert rules yet"
            description="Start with missed patrols and the panic button: who should hear first, and who next if nobody reacts."
            action={newButton}
          />
        </Paper>
      ) : (
        <DataTable<AlertRule>
          aria-label="Alert rules"
          withTableBorder
          borderRadius="md"
          verticalSpacing="sm"
          records={rules.data}
          idAccessor="id"
          rowStyle={(rule) => (rule.enabled ? undefined : { opacity: 0.6 })}
          columns={[
            {
              accessor: 'name',
              title: 'Rule',
              render: (rule) => (
                <div>
                  <Text size="sm" fw={500}>
                    {rule.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {describeTrigger(rule)}
                  </Text>
                </div>
              ),
            },
            {
              accessor: 'locationIds',
              title: 'Where',
              render: (rule) => (
                <Text size="sm">
                  {rule.locationIds === null
                    ? 'All locations'
                    : rule.locationIds.map((id) => locations.data?.get(id)?.name ?? '…').join(', ')}
                </Text>
              ),
            },
            {
              accessor: 'escalation',
              title: 'Escalation',
              render: (rule) => (
                <Stack gap={2}>
                  {rule.escalation.map((step, index) => (
                    <Text size="xs" key={index}>
                      <Text span fw={600} size="xs">
                        {step.afterMinutes === 0 ? 'At once' : `After ${step.afterMinutes} min`}:
                      </Text>{' '}
                      {step.memberIds.map(nameOf).join(', ')}
                    </Text>
                  ))}
                </Stack>
              ),
            },
            {
              accessor: 'enabled',
              title: 'Status',
              render: (rule) => (
                <Badge color={rule.enabled ? 'green' : 'gray'} variant="light">
                  {rule.enabled ? 'Active' : 'Disabled'}
                </Badge>
              ),
            },
            {
              accessor: 'createdAt',
              title: 'Created',
              noWrap: true,
              visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.lg})`,
              render: (rule) => <ZonedTime value={rule.createdAt} />,
            },
            {
              accessor: 'actions',
              title: <VisuallyHidden>Actions</VisuallyHidden>,
              textAlign: 'right',
              render: (rule) =>
                rule.enabled && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconBan size={14} />}
                    onClick={() => setDisabling(rule)}
                    aria-label={`Disable ${rule.name}`}
                  >
                    Disable
                  </Button>
                ),
            },
          ]}
        />
      )}
      <CreateAlertRuleDialog opened={createOpened} onClose={createDialog.close} />
      <DisableAlertRuleDialog rule={disabling} onClose={() => setDisabling(null)} />
    </>
  );
}

/** Disabling cannot be undone from here (the API has no enable), so it asks first. */
function DisableAlertRuleDialog({
  rule,
  onClose,
}: {
  rule: AlertRule | null;
  onClose: () => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const disable = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/alert-rules/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: `“${rule?.name}” raises no more alerts.` });
      close();
      await queryClient.invalidateQueries({ queryKey: alertRulesQueryKey });
    },
  });
  const close = () => {
    disable.reset();
    onClose();
  };
  return (
    <Modal opened={rule !== null} onClose={close} title="Disable alert rule?" centered>
      <Stack gap="md">
        <Text size="sm">
          <strong>{rule?.name}</strong> stops raising alerts. The alerts it raised stay in the
          inbox. A disabled rule cannot be turned back on: create a new one instead.
        </Text>
        {disable.isError && (
          <MantineAlert color="red" icon={<IconAlertCircle />} role="alert">
            {describeError(disable.error)}
          </MantineAlert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={disable.isPending}
            onClick={() => rule && disable.mutate(rule.id)}
          >
            Disable rule
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
