import {
  Alert,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { hasLength, isNotEmpty, useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useApi } from '../api/admin-api.js';
import { applyProblemToForm } from '../api/problem.js';
import { IconAlertCircle } from '../components/icons.js';
import { currentUtcOffset } from '../components/time-zone-select.js';
import { PRIORITY_OPTIONS } from '../schedule/execution-labels.js';
import { fullName, type Location, type User } from '../schedule/schedule.queries.js';
import { instantOf } from '../schedule/zoned-time.js';
import { RecurrenceBuilder } from './recurrence-builder.js';
import { StepsEditor } from './steps-editor.js';
import { fieldAliasesFor, type TaskFormValues } from './task-form-values.js';
import { checklistsQueryOptions, locationPointsQueryOptions } from './tasks.queries.js';

/** Owners and Admins may be assigned anywhere; everyone else only at their locations (as the server checks). */
function isEligibleAssignee(user: User, locationId: string | null): boolean {
  if (user.archived || locationId === null) return false;
  return user.role === 'OWNER' || user.role === 'ADMIN' || user.locationIds.includes(locationId);
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Title order={2} fz="lg" mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * The task editor: what, where, who, when (in the location's time zone), how often, the rules
 * and the steps. `onSubmit` rejects with the server's problem, which is shown at its fields.
 */
export function TaskForm({
  initialValues,
  locations,
  users,
  isLocationFixed = false,
  readOnly = false,
  submitLabel,
  onSubmit,
  onCancel,
  extraActions,
}: {
  initialValues: TaskFormValues;
  locations: readonly Location[];
  users: readonly User[];
  isLocationFixed?: boolean;
  readOnly?: boolean;
  submitLabel: string;
  onSubmit: (values: TaskFormValues, timeZone: string) => Promise<unknown>;
  onCancel: () => void;
  extraActions?: ReactNode;
}) {
  const api = useApi();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<TaskFormValues>({
    initialValues,
    validate: {
      name: hasLength({ min: 1, max: 200 }, 'Name the task (up to 200 characters)'),
      locationId: isNotEmpty('Choose where the task happens'),
      startDate: isNotEmpty('Choose the day'),
      startTime: isNotEmpty('Choose the start time'),
      endDate: isNotEmpty('Choose the day'),
      endTime: (value, values) => {
        if (!value) return 'Choose the end time';
        return `${values.endDate}T${value}` <= `${values.startDate}T${values.startTime}`
          ? 'Must be after the start'
          : null;
      },
      repeat: (value) => {
        if (value.mode === 'WEEKLY' && value.weekdays.length === 0)
          return 'Choose at least one day';
        if (value.mode === 'CUSTOM' && value.customRule.trim() === '')
          return 'Write the rule, e.g. FREQ=DAILY';
        if (
          value.mode !== 'NONE' &&
          value.mode !== 'CUSTOM' &&
          value.end === 'UNTIL' &&
          !value.untilDate
        )
          return 'Choose the last day';
        return null;
      },
      steps: {
        name: hasLength({ min: 1, max: 200 }, 'Name the step'),
        pointId: isNotEmpty('Choose the point to check in at'),
        actions: {
          name: hasLength({ min: 1, max: 200 }, 'Name the action'),
          options: {
            value: hasLength({ min: 1, max: 200 }, 'Give the option a name'),
          },
        },
      },
    },
  });

  const location = locations.find((candidate) => candidate.id === form.values.locationId) ?? null;
  const timeZone = location?.timeZone ?? null;
  const points = useQuery(locationPointsQueryOptions(api, form.values.locationId));
  const checklists = useQuery(checklistsQueryOptions(api));
  const assignees = users.filter(
    (user) =>
      isEligibleAssignee(user, form.values.locationId) || form.values.assigneeIds.includes(user.id),
  );

  const submit = form.onSubmit(async (values) => {
    setMessage(null);
    try {
      await onSubmit(values, timeZone ?? 'UTC');
    } catch (error) {
      setMessage(applyProblemToForm(form, error, fieldAliasesFor(values)));
    }
  });

  const changeLocation = (locationId: string | null) => {
    form.setFieldValue('locationId', locationId);
    // Points and members belong to a location: choices made for another one no longer apply.
    form.setFieldValue(
      'assigneeIds',
      form.values.assigneeIds.filter((id) => {
        const user = users.find((candidate) => candidate.id === id);
        return user !== undefined && isEligibleAssignee(user, locationId);
      }),
    );
    form.values.steps.forEach((_, index) => form.setFieldValue(`steps.${index}.pointId`, null));
  };

  const startInstant =
    timeZone && form.values.startDate && form.values.startTime
      ? instantOf(form.values.startDate, form.values.startTime, timeZone)
      : new Date();

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {message && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert" data-testid="form-problem">
            {message}
          </Alert>
        )}
        <Fieldset variant="unstyled" disabled={readOnly}>
          <Stack gap="lg">
            <Section title="Task">
              <Stack gap="md">
                <TextInput
                  label="Name"
                  placeholder="Night patrol"
                  required
                  maxLength={200}
                  data-autofocus
                  {...form.getInputProps('name')}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <Select
                    label="Location"
                    placeholder="Where the task happens"
                    required
                    searchable
                    disabled={isLocationFixed || readOnly}
                    description={isLocationFixed ? 'A task stays at its location.' : undefined}
                    data={locations
                      .filter((candidate) => !candidate.archived)
                      .map((candidate) => ({ value: candidate.id, label: candidate.name }))}
                    {...form.getInputProps('locationId')}
                    onChange={changeLocation}
                  />
                  <MultiSelect
                    label="Assignees"
                    placeholder={
                      form.values.locationId ? 'Who performs it' : 'Choose the location first'
                    }
                    description="Members assigned to the location, and Owners and Admins."
                    searchable
                    disabled={!form.values.locationId || readOnly}
                    data={assignees.map((user) => ({ value: user.id, label: fullName(user) }))}
                    {...form.getInputProps('assigneeIds')}
                  />
                  <Select
                    label="Priority"
                    data={PRIORITY_OPTIONS}
                    allowDeselect={false}
                    {...form.getInputProps('priority')}
                  />
                  <TagsInput
                    label="Tags"
                    placeholder="Type and press Enter"
                    maxTags={50}
                    {...form.getInputProps('tags')}
                  />
                </SimpleGrid>
                <Textarea
                  label="Description"
                  placeholder="What the task is for, what to watch"
                  autosize
                  minRows={2}
                  maxRows={6}
                  maxLength={10_000}
                  {...form.getInputProps('description')}
                />
              </Stack>
            </Section>

            <Section title="When">
              <Stack gap="md">
                <Text size="sm" c="dimmed" data-testid="task-time-zone">
                  {timeZone
                    ? `Times at ${location?.name} in ${timeZone} (${currentUtcOffset(timeZone, startInstant)}); they keep their local time across daylight-saving changes.`
                    : 'Times are in the location’s time zone: choose the location first.'}
                </Text>
                <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
                  <TextInput
                    type="date"
                    label="Starts on"
                    required
                    {...form.getInputProps('startDate')}
                  />
                  <TextInput
                    type="time"
                    label="Start time"
                    required
                    {...form.getInputProps('startTime')}
                  />
                  <TextInput
                    type="date"
                    label="Ends on"
                    required
                    {...form.getInputProps('endDate')}
                  />
                  <TextInput
                    type="time"
                    label="End time"
                    required
                    {...form.getInputProps('endTime')}
                  />
                </SimpleGrid>
                <RecurrenceBuilder form={form} timeZone={timeZone} disabled={readOnly} />
              </Stack>
            </Section>

            <Section title="Rules">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <Switch
                  label="Steps in order"
                  description="A check-in out of order is refused."
                  {...form.getInputProps('orderStepsRequired', { type: 'checkbox' })}
                />
                <Switch
                  label="Strict time"
                  description="An early start or a late end is recorded as an error."
                  {...form.getInputProps('strictTimeRequired', { type: 'checkbox' })}
                />
                <Switch
                  label="Deadline"
                  description="After the end, the task can no longer be started or continued."
                  {...form.getInputProps('deadlined', { type: 'checkbox' })}
                />
                <Switch
                  label="Published"
                  description="Unpublished tasks are planned but invisible to performers."
                  {...form.getInputProps('published', { type: 'checkbox' })}
                />
              </SimpleGrid>
            </Section>

            <Section title="Steps">
              <StepsEditor
                form={form}
                points={points.data ?? []}
                checklists={checklists.data ?? []}
                disabled={readOnly}
              />
            </Section>
          </Stack>
        </Fieldset>
        <Group justify="space-between" gap="sm">
          <Group gap="sm">{extraActions}</Group>
          <Group gap="sm">
            <Button variant="default" onClick={onCancel}>
              {readOnly ? 'Back' : 'Discard'}
            </Button>
            {!readOnly && (
              <Button type="submit" loading={form.submitting}>
                {submitLabel}
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
