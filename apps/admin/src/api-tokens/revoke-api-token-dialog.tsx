import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/admin-api.js';
import { describeError, unwrap } from '../api/problem.js';
import { IconAlertCircle } from '../components/icons.js';
import { apiTokensQueryKey, type ApiToken } from './api-tokens.queries.js';

/** Revoking cannot be undone and breaks every integration using the token, so it asks first. */
export function RevokeApiTokenDialog({
  token,
  onClose,
  onRevoked,
}: {
  token: ApiToken | null;
  onClose: () => void;
  onRevoked: (token: ApiToken) => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api-tokens/{id}/revoke', { params: { path: { id } } })),
    onSuccess: async (revoked) => {
      onRevoked(revoked);
      notifications.show({
        color: 'green',
        title: 'Token revoked',
        message: `“${revoked.name}” no longer works.`,
      });
      close();
      await queryClient.invalidateQueries({ queryKey: apiTokensQueryKey });
    },
  });
  const close = () => {
    revoke.reset();
    onClose();
  };

  return (
    <Modal opened={token !== null} onClose={close} title="Revoke token?" centered>
      <Stack gap="md">
        <Text size="sm">
          <strong>{token?.name}</strong> stops working at once: every system that uses it is refused
          from now on. This cannot be undone.
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
            onClick={() => token && revoke.mutate(token.id)}
          >
            Revoke token
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
