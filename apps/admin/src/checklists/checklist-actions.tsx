import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/admin-api.js';
import { describeError, unwrap } from '../api/problem.js';
import { checklistsQueryKey, type Checklist } from './checklists.queries.js';

/** Archive (the API's DELETE) and restore, with the cache refreshed and the person told. */
export function useChecklistArchiving() {
  const api = useApi();
  const queryClient = useQueryClient();
  const onError = (error: unknown) =>
    notifications.show({ color: 'red', title: 'Not changed', message: describeError(error) });
  const archive = useMutation({
    mutationFn: async (checklist: Checklist) => {
      await unwrap(api.DELETE('/checklists/{id}', { params: { path: { id: checklist.id } } }));
      return checklist;
    },
    onSuccess: async (checklist) => {
      notifications.show({ color: 'green', message: `“${checklist.name}” archived.` });
      await queryClient.invalidateQueries({ queryKey: checklistsQueryKey });
    },
    onError,
  });
  const restore = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/checklists/{id}/restore', { params: { path: { id } } })),
    onSuccess: async (checklist) => {
      notifications.show({ color: 'green', message: `“${checklist.name}” restored.` });
      await queryClient.invalidateQueries({ queryKey: checklistsQueryKey });
    },
    onError,
  });
  return { archive, restore };
}

export function ArchiveChecklistDialog({
  checklist,
  pending,
  onConfirm,
  onClose,
}: {
  checklist: Checklist | null;
  pending: boolean;
  onConfirm: (checklist: Checklist) => void;
  onClose: () => void;
}) {
  return (
    <Modal opened={checklist !== null} onClose={onClose} title="Archive checklist?" centered>
      <Stack gap="md">
        <Text size="sm">
          <strong>{checklist?.name}</strong> can no longer be copied into new task steps. Steps that
          copied it keep their actions, and you can restore it at any time.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={pending} onClick={() => checklist && onConfirm(checklist)}>
            Archive checklist
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
