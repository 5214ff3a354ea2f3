import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/admin-api.js';
import { describeError, unwrap } from '../api/problem.js';
import { locationsQueryKey, type Location } from './locations.queries.js';

/** Archive and restore, with the cache refreshed and the person told what happened. */
export function useLocationArchiving() {
  const api = useApi();
  const queryClient = useQueryClient();
  const settle = async (location: Location, verb: string) => {
    notifications.show({ color: 'green', message: `“${location.name}” ${verb}.` });
    await queryClient.invalidateQueries({ queryKey: locationsQueryKey });
  };
  const onError = (error: unknown) =>
    notifications.show({ color: 'red', title: 'Not changed', message: describeError(error) });
  const archive = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/locations/{id}/archive', { params: { path: { id } } })),
    onSuccess: (location) => settle(location, 'archived'),
    onError,
  });
  const restore = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/locations/{id}/restore', { params: { path: { id } } })),
    onSuccess: (location) => settle(location, 'restored'),
    onError,
  });
  return { archive, restore };
}

export function ArchiveLocationDialog({
  location,
  pending,
  onConfirm,
  onClose,
}: {
  location: Location | null;
  pending: boolean;
  onConfirm: (location: Location) => void;
  onClose: () => void;
}) {
  return (
    <Modal opened={location !== null} onClose={onClose} title="Archive location?" centered>
      <Stack gap="md">
        <Text size="sm">
          <strong>{location?.name}</strong> disappears from planning and from the field app. Its
          points, history and past executions stay, and you can restore it at any time.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={pending} onClick={() => location && onConfirm(location)}>
            Archive location
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
