import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useApi } from '../api/admin-api.js';
import { applyProblemToForm, unwrap } from '../api/problem.js';
import { IconAlertCircle, IconArchive, IconArrowLeft, IconRestore } from '../components/icons.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { isNotFound } from '../locations/locations.queries.js';
import { useSignedIn } from '../session/session-hooks.js';
import { canEditChecklists } from '../session/session.js';
import {
  ActionListBuilder,
  actionDraftFrom,
  emptyAction,
  toActionDefinitions,
  validateActionDrafts,
  type ActionDraft,
} from './action-builder.js';
import { ArchiveChecklistDialog, useChecklistArchiving } from './checklist-actions.js';
import { checklistQueryOptions, checklistsQueryKey, type Checklist } from './checklists.queries.js';

interface ChecklistFormValues {
  name: string;
  description: string;
  actions: ActionDraft[];
}

const backToChecklists = (
  <Anchor component={Link} to="/checklists" size="sm" c="dimmed">
    <Group gap={4} wrap="nowrap">
      <IconArrowLeft size={14} />
      Checklists
    </Group>
  </Anchor>
);

function validateChecklist(values: ChecklistFormValues): FormErrors {
  const errors: FormErrors = {};
  const name = values.name.trim();
  if (name === '' || name.length > 200) errors.name = 'Name the checklist (up to 200 characters)';
  if (values.description.length > 4000)
    errors.description = 'Keep the description under 4,000 characters';
  if (values.actions.length === 0) errors.actions = 'Add at least one action';
  for (const [path, error] of Object.entries(validateActionDrafts(values.actions)))
    errors[`actions.${path}`] = error;
  return errors;
}

function ChecklistForm({
  initialValues,
  submitLabel,
  readOnly = false,
  onSubmit,
  onCancel,
  children,
}: {
  initialValues: ChecklistFormValues;
  submitLabel: string;
  readOnly?: boolean;
  onSubmit: (values: ChecklistFormValues) => Promise<unknown>;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<ChecklistFormValues>({
    initialValues,
    validate: validateChecklist,
    // The message above the form describes the last attempt; an edit starts a new one.
    onValuesChange: () => setMessage(null),
  });
  const submit = form.onSubmit(
    async (values) => {
      setMessage(null);
      try {
        await onSubmit(values);
      } catch (error) {
        setMessage(applyProblemToForm(form, error));
      }
    },
    () => setMessage('Some actions need attention: see the fields marked below.'),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {message && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {message}
          </Alert>
        )}
        {children}
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <Stack gap="md">
            <TextInput
              label="Name"
              placeholder="Fire safety round"
              required
              maxLength={200}
              readOnly={readOnly}
              data-autofocus
              {...form.getInputProps('name')}
            />
            <Textarea
              label="Description"
              placeholder="What the checklist is for, shown to whoever picks it"
              autosize
              minRows={2}
              maxRows={6}
              maxLength={4000}
              readOnly={readOnly}
              {...form.getInputProps('description')}
            />
          </Stack>
        </Paper>
        <div>
          <Title order={2} fz="lg" mb={4}>
            Actions
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            What the performer does, in this order.
          </Text>
          {typeof form.errors.actions === 'string' && (
            <Text size="sm" c="red" mb="sm" role="alert">
              {form.errors.actions}
            </Text>
          )}
          <ActionListBuilder
            actions={form.values.actions}
            readOnly={readOnly}
            errorOf={(path) => form.errors[`actions.${path}`]}
            onChange={(actions) => {
              form.setFieldValue('actions', actions);
              // Errors are keyed by position; after an edit they are checked again from scratch.
              if (Object.keys(form.errors).some((key) => key.startsWith('actions')))
                form.setErrors(
                  Object.fromEntries(
                    Object.entries(validateChecklist({ ...form.getValues(), actions })).filter(
                      ([key]) => key.startsWith('actions'),
                    ),
                  ),
                );
            }}
          />
        </div>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {readOnly ? 'Back' : 'Cancel'}
          </Button>
          {!readOnly && (
            <Button type="submit" loading={form.submitting}>
              {submitLabel}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

const optionalText = (value: string): string | null => (value.trim() === '' ? null : value.trim());

export function NewChecklistPage() {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { membership } = useSignedIn();

  if (!canEditChecklists(membership.role))
    return (
      <EmptyState
        title="Only Owners and Admins build checklists"
        description="Ask them to add the checklist; you can use it in your tasks afterwards."
      />
    );

  const create = async (values: ChecklistFormValues) => {
    const checklist = await unwrap(
      api.POST('/checklists', {
        body: {
          name: values.name.trim(),
          description: optionalText(values.description),
          actions: toActionDefinitions(values.actions),
        },
      }),
    );
    await queryClient.invalidateQueries({ queryKey: checklistsQueryKey });
    notifications.show({ color: 'green', message: `“${checklist.name}” created.` });
    await navigate({ to: '/checklists' });
  };

  return (
    <>
      <PageHeader
        eyebrow={backToChecklists}
        title="New checklist"
        description="A reusable list of actions for task steps."
      />
      <ChecklistForm
        initialValues={{ name: '', description: '', actions: [emptyAction('BOOLEAN')] }}
        submitLabel="Create checklist"
        onSubmit={create}
        onCancel={() => void navigate({ to: '/checklists' })}
      />
    </>
  );
}

const checklistRoute = getRouteApi('/app/checklists/$checklistId');

export function EditChecklistPage() {
  const api = useApi();
  const { checklistId } = checklistRoute.useParams();
  const checklist = useQuery(checklistQueryOptions(api, checklistId));

  if (checklist.isPending) return <LoadingState label="Loading the checklist…" />;
  if (checklist.isError)
    return isNotFound(checklist.error) ? (
      <EmptyState
        title="This checklist does not exist"
        description="It may belong to another organization, or the link is mistyped."
        action={
          <Button component={Link} to="/checklists">
            All checklists
          </Button>
        }
      />
    ) : (
      <ErrorState error={checklist.error} onRetry={() => void checklist.refetch()} />
    );
  return <EditChecklist key={checklist.data.historyId} checklist={checklist.data} />;
}

function EditChecklist({ checklist }: { checklist: Checklist }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { membership } = useSignedIn();
  const canEdit = canEditChecklists(membership.role);
  const { archive, restore } = useChecklistArchiving();
  const [confirmingArchive, setConfirmingArchive] = useState(false);
  const initialValues: ChecklistFormValues = {
    name: checklist.name,
    description: checklist.description ?? '',
    actions: checklist.actions.map(actionDraftFrom),
  };

  const save = async (values: ChecklistFormValues) => {
    // Only what changed is sent, so an unchanged save makes no new version.
    const changes: {
      name?: string;
      description?: string | null;
      actions?: ReturnType<typeof toActionDefinitions>;
    } = {};
    if (values.name.trim() !== checklist.name) changes.name = values.name.trim();
    if (optionalText(values.description) !== checklist.description)
      changes.description = optionalText(values.description);
    const actions = toActionDefinitions(values.actions);
    if (JSON.stringify(actions) !== JSON.stringify(toActionDefinitions(initialValues.actions)))
      changes.actions = actions;
    if (Object.keys(changes).length > 0) {
      const saved = await unwrap(
        api.PATCH('/checklists/{id}', { params: { path: { id: checklist.id } }, body: changes }),
      );
      queryClient.setQueryData(checklistQueryOptions(api, checklist.id).queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: checklistsQueryKey });
      notifications.show({ color: 'green', message: `“${saved.name}” saved.` });
    }
    await navigate({ to: '/checklists' });
  };

  return (
    <>
      <PageHeader
        eyebrow={backToChecklists}
        title={checklist.name}
        description={checklist.description ?? undefined}
        actions={
          canEdit &&
          (checklist.archived ? (
            <Button
              variant="default"
              leftSection={<IconRestore size={16} />}
              loading={restore.isPending}
              onClick={() =>
                restore.mutate(checklist.id, {
                  onSuccess: (restored) =>
                    queryClient.setQueryData(
                      checklistQueryOptions(api, restored.id).queryKey,
                      restored,
                    ),
                })
              }
            >
              Restore
            </Button>
          ) : (
            <Button
              variant="default"
              color="red"
              leftSection={<IconArchive size={16} />}
              onClick={() => setConfirmingArchive(true)}
            >
              Archive
            </Button>
          ))
        }
      />
      <ChecklistForm
        initialValues={initialValues}
        submitLabel="Save changes"
        readOnly={!canEdit || checklist.archived}
        onSubmit={save}
        onCancel={() => void navigate({ to: '/checklists' })}
      >
        {checklist.archived && (
          <Alert color="gray" icon={<IconArchive />} title="This checklist is archived">
            New task steps cannot copy it. Restore it to use or edit it again.
          </Alert>
        )}
      </ChecklistForm>
      <ArchiveChecklistDialog
        checklist={confirmingArchive ? checklist : null}
        pending={archive.isPending}
        onClose={() => setConfirmingArchive(false)}
        onConfirm={(target) =>
          archive.mutate(target, {
            onSuccess: () => {
              setConfirmingArchive(false);
              void navigate({ to: '/checklists' });
            },
          })
        }
      />
    </>
  );
}
