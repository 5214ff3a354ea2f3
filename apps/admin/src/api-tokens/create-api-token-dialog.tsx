import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { hasLength, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { applyProblemToForm, unwrap } from '../api/problem.js';
import { formatInstantWithZone } from '../components/date-time.js';
import { IconAlertCircle } from '../components/icons.js';
import { apiTokensQueryKey, type CreatedApiToken } from './api-tokens.queries.js';
import {
  EXPIRY_CHOICES,
  expiryInstant,
  localDateString,
  type ExpiryChoice,
} from './token-expiry.js';

/** "Add Token": a name and an optional expiry; the created token (with its secret) goes to `onCreated`. */
export function CreateApiTokenDialog({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (token: CreatedApiToken) => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', expiry: 'never' as ExpiryChoice, expiresOn: '' },
    validate: {
      name: hasLength({ min: 1, max: 100 }, 'Name the token (up to 100 characters)'),
      expiresOn: (value, values) =>
        values.expiry === 'custom' && expiryInstant('custom', value) === undefined
          ? 'Choose a day from tomorrow on'
          : null,
    },
  });
  const expiresAt = expiryInstant(form.values.expiry, form.values.expiresOn);

  const close = () => {
    form.reset();
    setMessage(null);
    onClose();
  };

  const create = useMutation({
    mutationFn: (values: typeof form.values) => {
      const expires = expiryInstant(values.expiry, values.expiresOn);
      return unwrap(
        api.POST('/api-tokens', {
          body: { name: values.name.trim(), expiresAt: expires ? expires.toISOString() : null },
        }),
      );
    },
    onMutate: () => setMessage(null),
    onSuccess: async (created) => {
      onCreated(created);
      close();
      await queryClient.invalidateQueries({ queryKey: apiTokensQueryKey });
    },
    onError: (error) => setMessage(applyProblemToForm(form, error, { '/expiresAt': 'expiresOn' })),
  });

  return (
    <Modal opened={opened} onClose={close} title="Add Token" centered>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="md">
          {message && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert">
              {message}
            </Alert>
          )}
          <TextInput
            label="Name"
            description="What the token is for, so you recognise it later."
            placeholder="CRM integration"
            required
            data-autofocus
            maxLength={100}
            {...form.getInputProps('name')}
          />
          <Select
            label="Expiration"
            data={EXPIRY_CHOICES}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('expiry')}
          />
          {form.values.expiry === 'custom' && (
            <TextInput
              type="date"
              label="Works until the end of"
              min={localDateString(new Date(Date.now() + 24 * 3600 * 1000))}
              required
              {...form.getInputProps('expiresOn')}
            />
          )}
          <Text size="sm" c="dimmed">
            {expiresAt
              ? `The token stops working on ${formatInstantWithZone(expiresAt.toISOString())}.`
              : expiresAt === null
                ? 'The token works until you revoke it.'
                : 'Choose the last day the token works.'}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
