import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { applyProblemToForm, describeError, unwrap } from '../api/problem.js';
import { IconAlertCircle } from '../components/icons.js';
import { SESSION_QUERY_KEY } from '../session/session.js';
import { validatePin } from './member-form.js';
import { memberName, membersQueryKey, type Member } from './team.queries.js';

/** Archive and restore, with the cache refreshed and the person told what happened. */
export function useMemberArchiving() {
  const api = useApi();
  const queryClient = useQueryClient();
  const settle = async (member: Member, verb: string) => {
    notifications.show({ color: 'green', message: `${memberName(member)} ${verb}.` });
    await queryClient.invalidateQueries({ queryKey: membersQueryKey });
  };
  const onError = (error: unknown) =>
    notifications.show({ color: 'red', title: 'Not changed', message: describeError(error) });
  const archive = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/users/{id}/archive', { params: { path: { id } } })),
    onSuccess: (member) => settle(member, 'archived'),
    onError,
  });
  const restore = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/users/{id}/restore', { params: { path: { id } } })),
    onSuccess: (member) => settle(member, 'restored'),
    onError,
  });
  return { archive, restore };
}

export function ArchiveMemberDialog({
  member,
  pending,
  onConfirm,
  onClose,
}: {
  member: Member | null;
  pending: boolean;
  onConfirm: (member: Member) => void;
  onClose: () => void;
}) {
  return (
    <Modal opened={member !== null} onClose={onClose} title="Archive member?" centered>
      <Stack gap="md">
        <Text size="sm">
          <strong>{member && memberName(member)}</strong> is signed out everywhere at once and can
          no longer sign in or be assigned. Their past work and history stay, and you can restore
          them at any time.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={pending} onClick={() => member && onConfirm(member)}>
            Archive member
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A guard's PIN is never shown; it can only be replaced, e.g. when the guard forgot it. */
export function ResetPinDialog({
  member,
  onClose,
}: {
  member: Member | null;
  onClose: () => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({ initialValues: { pin: '' }, validate: { pin: validatePin } });
  const close = () => {
    form.reset();
    setMessage(null);
    onClose();
  };
  const submit = form.onSubmit(async ({ pin }) => {
    if (!member) return;
    setMessage(null);
    try {
      await unwrap(
        api.PATCH('/users/{id}', { params: { path: { id: member.id } }, body: { pin } }),
      );
      await queryClient.invalidateQueries({ queryKey: membersQueryKey });
      notifications.show({ color: 'green', message: `${memberName(member)} has a new PIN.` });
      close();
    } catch (error) {
      setMessage(applyProblemToForm(form, error));
    }
  });
  return (
    <Modal opened={member !== null} onClose={close} title="Set a new PIN" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {message && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert">
              {message}
            </Alert>
          )}
          <Text size="sm">
            {member && memberName(member)} signs in on shared devices with member number{' '}
            <strong>{member?.memberNumber}</strong> and this PIN from now on.
          </Text>
          <PasswordInput
            label="New PIN"
            description="4 to 8 digits; tell it to the guard in person."
            required
            inputMode="numeric"
            maxLength={8}
            autoComplete="new-password"
            data-autofocus
            {...form.getInputProps('pin')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Save PIN
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Handing the organization over cannot be taken back by the person doing it (they become an
 * Admin), so the name of the new Owner must be typed to confirm.
 */
export function TransferOwnershipDialog({
  member,
  onClose,
}: {
  member: Member | null;
  onClose: () => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const name = member ? memberName(member) : '';
  const transfer = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/users/{id}/transfer-ownership', { params: { path: { id } } })),
    onSuccess: async (newOwner) => {
      notifications.show({
        color: 'green',
        title: 'Ownership transferred',
        message: `${memberName(newOwner)} is the Owner now; you are an Admin.`,
      });
      close();
      // The signed-in person's role changed: the session (and with it the navigation) follows.
      await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
      await queryClient.invalidateQueries({ queryKey: membersQueryKey });
    },
  });
  const close = () => {
    setTyped('');
    transfer.reset();
    onClose();
  };
  return (
    <Modal opened={member !== null} onClose={close} title="Transfer ownership?" centered>
      <Stack gap="md">
        <Text size="sm">
          <strong>{name}</strong> becomes the Owner of this organization, with API tokens and
          ownership in their hands. You become an Admin and cannot take it back yourself.
        </Text>
        {transfer.isError && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {describeError(transfer.error)}
          </Alert>
        )}
        <TextInput
          label={`Type “${name}” to confirm`}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          autoComplete="off"
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color="red"
            disabled={typed.trim() !== name}
            loading={transfer.isPending}
            onClick={() => member && transfer.mutate(member.id)}
          >
            Transfer ownership
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
