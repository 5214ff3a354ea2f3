import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/admin-api.js';
import { describeError, unwrap } from '../api/problem.js';
import { IconAlertCircle } from '../components/icons.js';
import { webhooksQueryKey, type Webhook } from './webhooks.queries.js';

const showFailure = (title: string) => (error: unknown) =>
  notifications.show({ color: 'red', title, message: describeError(error) });

/** Turning a webhook on or off, and sending it a test event: shared by the list and the detail page. */
export function useWebhookActions() {
  const api = useApi();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: webhooksQueryKey });

  const setEnabled = useMutation({
    mutationFn: ({ webhook, enabled }: { webhook: Webhook; enabled: boolean }) =>
      unwrap(
        api.PATCH('/webhooks/{id}', { params: { path: { id: webhook.id } }, body: { enabled } }),
      ),
    onSuccess: async (webhook) => {
      notifications.show({
        color: 'green',
        message: webhook.enabled
          ? `${webhook.url} receives events again.`
          : `${webhook.url} receives no events until it is enabled.`,
      });
      await refresh();
    },
    onError: showFailure('Not changed'),
  });

  const sendTest = useMutation({
    mutationFn: (webhook: Webhook) =>
      unwrap(api.POST('/webhooks/{id}/test', { params: { path: { id: webhook.id } } })),
    onSuccess: async () => {
      notifications.show({
        color: 'green',
        title: 'Test event queued',
        message: 'Its delivery appears in the log within seconds.',
      });
      await refresh();
    },
    onError: showFailure('The test event was not sent'),
  });

  return { setEnabled, sendTest };
}

/** Deleting drops the subscription and its delivery log for good, so it asks first. */
export function DeleteWebhookDialog({
  webhook,
  onClose,
  onDeleted,
}: {
  webhook: Webhook | null;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/webhooks/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: 'Webhook deleted.' });
      close();
      onDeleted?.();
      await queryClient.invalidateQueries({ queryKey: webhooksQueryKey });
    },
  });
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={webhook !== null} onClose={close} title="Delete webhook?" centered>
      <Stack gap="md">
        <Text size="sm">
          <Code>{webhook?.url}</Code> receives no more events, and its delivery log is deleted with
          it. This cannot be undone; to pause deliveries, disable the webhook instead.
        </Text>
        {remove.isError && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {describeError(remove.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => webhook && remove.mutate(webhook.id)}
          >
            Delete webhook
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
