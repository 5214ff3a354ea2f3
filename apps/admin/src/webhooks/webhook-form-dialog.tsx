import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { locationOptions, useLocationDirectory } from '../api/directories.js';
import { applyProblemToForm, unwrap } from '../api/problem.js';
import { IconAlertCircle } from '../components/icons.js';
import {
  EVENT_GROUPS,
  webhooksQueryKey,
  type CreatedWebhook,
  type Webhook,
  type WebhookEventType,
} from './webhooks.queries.js';

const ALL_EVENTS = EVENT_GROUPS.flatMap((group) => group.events.map((event) => event.value));

interface WebhookValues {
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  locationIds: string[];
}

const valuesOf = (webhook: Webhook | null): WebhookValues => ({
  url: webhook?.url ?? '',
  description: webhook?.description ?? '',
  eventTypes: (webhook?.eventTypes ?? []) as WebhookEventType[],
  locationIds: webhook?.locationIds ?? [],
});

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item) => b.includes(item));

/**
 * Adds a webhook (`webhook` null) or changes one. A new webhook's signing secret exists only in
 * the create answer, so it goes to `onCreated` for the page to show once.
 */
export function WebhookFormDialog({
  opened,
  webhook,
  onClose,
  onCreated,
}: {
  opened: boolean;
  webhook: Webhook | null;
  onClose: () => void;
  onCreated: (created: CreatedWebhook) => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={webhook ? 'Edit webhook' : 'Add webhook'}
      size="lg"
      centered
    >
      {/* Keyed by the webhook so each opening starts from its current values. */}
      {opened && (
        <WebhookForm
          key={webhook?.id ?? 'new'}
          webhook={webhook}
          onClose={onClose}
          onCreated={onCreated}
        />
      )}
    </Modal>
  );
}

function WebhookForm({
  webhook,
  onClose,
  onCreated,
}: {
  webhook: Webhook | null;
  onClose: () => void;
  onCreated: (created: CreatedWebhook) => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const locations = useLocationDirectory();
  const [message, setMessage] = useState<string | null>(null);
  const initial = valuesOf(webhook);
  const form = useForm<WebhookValues>({
    initialValues: initial,
    validate: {
      url: (value) =>
        /^https?:\/\/\S+$/.test(value.trim()) ? null : 'Enter an https:// (or http://) address',
      eventTypes: (value) => (value.length === 0 ? 'Choose at least one event' : null),
    },
  });

  const save = useMutation({
    mutationFn: async (values: WebhookValues) => {
      const body = {
        url: values.url.trim(),
        description: values.description.trim() || null,
        eventTypes: values.eventTypes,
        locationIds: values.locationIds.length > 0 ? values.locationIds : null,
      };
      if (!webhook) return { created: await unwrap(api.POST('/webhooks', { body })) };
      // Only what changed, so an untouched field is never rewritten with a stale copy.
      await unwrap(
        api.PATCH('/webhooks/{id}', {
          params: { path: { id: webhook.id } },
          body: {
            ...(body.url !== initial.url ? { url: body.url } : {}),
            ...(body.description !== (webhook.description ?? null)
              ? { description: body.description }
              : {}),
            ...(!sameSet(body.eventTypes, initial.eventTypes)
              ? { eventTypes: body.eventTypes }
              : {}),
            ...(!sameSet(values.locationIds, initial.locationIds)
              ? { locationIds: body.locationIds }
              : {}),
          },
        }),
      );
      return { created: null };
    },
    onMutate: () => setMessage(null),
    onSuccess: async ({ created }) => {
      if (created) onCreated(created);
      onClose();
      await queryClient.invalidateQueries({ queryKey: webhooksQueryKey });
    },
    onError: (error) =>
      setMessage(
        applyProblemToForm(
          form,
          error,
          Object.fromEntries<string>([
            ...ALL_EVENTS.map((_, index) => [`/eventTypes/${index}`, 'eventTypes'] as const),
            ...form
              .getValues()
              .locationIds.map((_, index) => [`/locationIds/${index}`, 'locationIds'] as const),
          ]),
        ),
      ),
  });

  const submit = form.onSubmit((values) => {
    if (webhook && form.isDirty() === false) return onClose();
    save.mutate(values);
  });
  const selected = form.values.eventTypes;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {message && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {message}
          </Alert>
        )}
        <TextInput
          label="URL"
          description="Events are POSTed here as JSON, signed with the webhook’s secret."
          placeholder="https://crm.example.com/openpatrol"
          required
          data-autofocus
          maxLength={2000}
          {...form.getInputProps('url')}
        />
        <TextInput
          label="Description"
          placeholder="CRM: deal status"
          maxLength={500}
          {...form.getInputProps('description')}
        />
        <div>
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={500}>
              Events
            </Text>
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={() =>
                form.setFieldValue(
                  'eventTypes',
                  selected.length === ALL_EVENTS.length ? [] : [...ALL_EVENTS],
                )
              }
            >
              {selected.length === ALL_EVENTS.length ? 'Clear all' : 'Select all'}
            </Button>
          </Group>
          <Checkbox.Group aria-label="Events" {...form.getInputProps('eventTypes')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              {EVENT_GROUPS.map((group) => (
                <Stack key={group.label} gap={6}>
                  <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                    {group.label}
                  </Text>
                  {group.events.map((event) => (
                    <Checkbox
                      key={event.value}
                      value={event.value}
                      size="xs"
                      label={
                        <>
                          <Text span size="xs" ff="monospace">
                            {event.value}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {event.label}
                          </Text>
                        </>
                      }
                    />
                  ))}
                </Stack>
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </div>
        <MultiSelect
          label="Only these locations"
          description="Leave empty to receive the events of every location."
          placeholder={form.values.locationIds.length === 0 ? 'All locations' : undefined}
          data={locationOptions(locations.data)}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('locationIds')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {webhook ? 'Save' : 'Add webhook'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
