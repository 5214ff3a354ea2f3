import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/admin-api.js';
import { describeError, unwrap } from '../api/problem.js';
import { IconAlertCircle, IconCheck, IconCopy, IconKey } from '../components/icons.js';
import { webhooksQueryKey, type CreatedWebhook, type Webhook } from './webhooks.queries.js';

/** A signing secret the server shows once (on creation or rotation), with a copy icon. */
export function WebhookSecretAlert({
  title,
  secret,
  onClose,
}: {
  title: string;
  secret: string;
  onClose: () => void;
}) {
  return (
    <Alert
      color="green"
      variant="light"
      icon={<IconKey />}
      title={title}
      withCloseButton
      closeButtonLabel="Hide the secret"
      onClose={onClose}
      mb="md"
    >
      <Text size="sm" mb="xs">
        The receiver verifies each delivery’s <Code>webhook-signature</Code> with this secret (e.g.{' '}
        <Code>verifyWebhookSignature</Code> from <Code>@openpatrol/api-client</Code>). It is shown
        only now.
      </Text>
      <CopyButton value={secret} timeout={4000}>
        {({ copied, copy }) => (
          <Group gap={6} wrap="nowrap">
            <Code data-testid="webhook-secret">{secret}</Code>
            <Tooltip label={copied ? 'Copied' : 'Copy secret'} withArrow>
              <ActionIcon
                variant={copied ? 'filled' : 'light'}
                color={copied ? 'teal' : undefined}
                onClick={copy}
                aria-label="Copy secret"
              >
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </CopyButton>
    </Alert>
  );
}

/**
 * Rotating breaks verification at the receiver until it has the new secret, so it asks first.
 * The new secret goes to `onRotated` for the page to show once.
 */
export function RotateWebhookSecretDialog({
  webhook,
  onClose,
  onRotated,
}: {
  webhook: Webhook | null;
  onClose: () => void;
  onRotated: (rotated: CreatedWebhook) => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const rotate = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/webhooks/{id}/rotate-secret', { params: { path: { id } } })),
    onSuccess: async (rotated) => {
      onRotated(rotated);
      close();
      await queryClient.invalidateQueries({ queryKey: webhooksQueryKey });
    },
  });
  const close = () => {
    rotate.reset();
    onClose();
  };
  return (
    <Modal opened={webhook !== null} onClose={close} title="Rotate the signing secret?" centered>
      <Stack gap="md">
        <Text size="sm">
          Deliveries are signed with a new secret from now on, retries included. Until the receiver
          at <Code>{webhook?.url}</Code> has it, it will reject them as unverified (they are retried
          for 24 hours).
        </Text>
        {rotate.isError && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {describeError(rotate.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={rotate.isPending}
            onClick={() => webhook && rotate.mutate(webhook.id)}
          >
            Rotate secret
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
