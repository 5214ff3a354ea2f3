import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { hasLength, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { applyProblemToForm, describeError, unwrap } from '../api/problem.js';
import { formatInstant, InstantText } from '../components/date-time.js';
import { IconAlertCircle, IconBan, IconDeviceMobile, IconPlus } from '../components/icons.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import {
  devicesQueryKey,
  devicesQueryOptions,
  type Device,
  type RegisteredDevice,
} from './team.queries.js';

const STATUS_COLORS: Record<Device['status'], string> = {
  PENDING: 'yellow',
  AUTHORIZED: 'green',
  REVOKED: 'gray',
};
const STATUS_LABELS: Record<Device['status'], string> = {
  PENDING: 'Waiting for code',
  AUTHORIZED: 'Authorized',
  REVOKED: 'Revoked',
};

/** The shared phones guards sign in on: register (a one-time code), list, revoke. */
export function DevicesPanel() {
  const api = useApi();
  const devices = useQuery(devicesQueryOptions(api));
  const [registering, setRegistering] = useState(false);
  const [revoking, setRevoking] = useState<Device | null>(null);
  const registerButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setRegistering(true)}>
      Authorize a device
    </Button>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Text size="sm" c="dimmed" maw={640}>
          Guards sign in with their member number and PIN only on devices authorized here. Revoking
          a device signs its guards out at once.
        </Text>
        {registerButton}
      </Group>
      {devices.isPending ? (
        <LoadingState label="Loading devices…" />
      ) : devices.isError ? (
        <ErrorState error={devices.error} onRetry={() => void devices.refetch()} />
      ) : devices.data.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyState
            icon={<IconDeviceMobile size={28} />}
            title="No shared devices yet"
            description="Authorize the phone at a guard post: you get a code to enter on it once."
            action={registerButton}
          />
        </Paper>
      ) : (
        <DataTable<Device>
          aria-label="Shared devices"
          withTableBorder
          borderRadius="md"
          verticalSpacing="sm"
          records={devices.data}
          idAccessor="id"
          columns={[
            { accessor: 'name', title: 'Device' },
            {
              accessor: 'status',
              title: 'Status',
              render: (device) => (
                <Badge variant="light" color={STATUS_COLORS[device.status]}>
                  {STATUS_LABELS[device.status]}
                </Badge>
              ),
            },
            {
              accessor: 'lastSeenAt',
              title: 'Last used',
              render: (device) => <InstantText value={device.lastSeenAt} relative empty="Never" />,
            },
            {
              accessor: 'createdAt',
              title: 'Registered',
              visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.md})`,
              render: (device) => <InstantText value={device.createdAt} relative />,
            },
            {
              accessor: 'actions',
              title: '',
              textAlign: 'right',
              render: (device) =>
                device.status !== 'REVOKED' && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconBan size={14} />}
                    aria-label={`Revoke ${device.name}`}
                    onClick={() => setRevoking(device)}
                  >
                    Revoke
                  </Button>
                ),
            },
          ]}
        />
      )}
      <RegisterDeviceDialog opened={registering} onClose={() => setRegistering(false)} />
      <RevokeDeviceDialog device={revoking} onClose={() => setRevoking(null)} />
    </Stack>
  );
}

function RegisterDeviceDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  // The code exists only in this answer (the server keeps its hash), so it stays on screen
  // until the dialog is closed.
  const [registered, setRegistered] = useState<RegisteredDevice | null>(null);
  const form = useForm({
    initialValues: { name: '' },
    validate: {
      name: hasLength({ min: 1, max: 100 }, 'Say where the device is (up to 100 characters)'),
    },
  });
  const close = () => {
    form.reset();
    setMessage(null);
    setRegistered(null);
    onClose();
  };
  const submit = form.onSubmit(async ({ name }) => {
    setMessage(null);
    try {
      setRegistered(await unwrap(api.POST('/devices', { body: { name: name.trim() } })));
      await queryClient.invalidateQueries({ queryKey: devicesQueryKey });
    } catch (error) {
      setMessage(applyProblemToForm(form, error));
    }
  });
  return (
    <Modal opened={opened} onClose={close} title="Authorize a device" centered>
      {registered ? (
        <Stack gap="md">
          <Text size="sm">
            On <strong>{registered.name}</strong>, open{' '}
            <Code>{`${window.location.origin}/field/guard`}</Code> (or “Shared guard device” on the
            field app’s sign-in page) and enter this code
            {registered.registrationExpiresAt &&
              ` before ${formatInstant(registered.registrationExpiresAt)}`}
            . It is shown only now and works once.
          </Text>
          <Group gap="sm">
            <Code fz="xl" data-testid="registration-code">
              {registered.registrationCode}
            </Code>
            <CopyButton value={registered.registrationCode}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" onClick={copy}>
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {message && (
              <Alert color="red" icon={<IconAlertCircle />} role="alert">
                {message}
              </Alert>
            )}
            <TextInput
              label="Name"
              description="Where the device is used."
              placeholder="Front desk phone"
              required
              maxLength={100}
              data-autofocus
              {...form.getInputProps('name')}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={form.submitting}>
                Get a code
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function RevokeDeviceDialog({ device, onClose }: { device: Device | null; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/devices/{id}/revoke', { params: { path: { id } } })),
    onSuccess: async (revoked) => {
      notifications.show({ color: 'green', message: `“${revoked.name}” revoked.` });
      close();
      await queryClient.invalidateQueries({ queryKey: devicesQueryKey });
    },
  });
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <Modal opened={device !== null} onClose={close} title="Revoke device?" centered>
      <Stack gap="md">
        <Text size="sm">
          Guards signed in on <strong>{device?.name}</strong> are signed out at once, and nobody can
          sign in on it until it is authorized again with a new code.
        </Text>
        {revoke.isError && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {describeError(revoke.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={revoke.isPending}
            onClick={() => device && revoke.mutate(device.id)}
          >
            Revoke device
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
