import {
  ActionIcon,
  Badge,
  Button,
  CloseButton,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowLeft, IconPlus } from '../components/icons.js';
import {
  ACTION_TYPES,
  actionValuesOf,
  newAction,
  newStep,
  type ActionType,
  type TaskFormValues,
} from './task-form-values.js';
import type { Checklist, Point } from './tasks.queries.js';

const ALERT_LEVELS = [
  { value: '', label: 'No alert' },
  { value: 'WARNING', label: 'Warning' },
  { value: 'ERROR', label: 'Error' },
];

const up = <IconArrowLeft size={14} style={{ transform: 'rotate(90deg)' }} />;
const down = <IconArrowLeft size={14} style={{ transform: 'rotate(-90deg)' }} />;

/** The ordered steps, each at one point of the location, each with its ordered actions. */
export function StepsEditor({
  form,
  points,
  checklists,
  disabled,
}: {
  form: UseFormReturnType<TaskFormValues>;
  points: readonly Point[];
  checklists: readonly Checklist[];
  disabled?: boolean;
}) {
  const { steps } = form.values;
  const pointOptions = points
    .filter((point) => !point.archived)
    .map((point) => ({ value: point.id, label: point.name }));
  const checklistOptions = checklists
    .filter((checklist) => !checklist.archived)
    .map((checklist) => ({
      value: checklist.id,
      label: `${checklist.name} (${checklist.actions.length})`,
    }));

  const fillFromChecklist = (stepIndex: number, checklistId: string | null) => {
    const checklist = checklists.find((candidate) => candidate.id === checklistId);
    if (!checklist) return;
    // A copy: later changes to the template do not change this task, as on the server.
    form.setFieldValue(`steps.${stepIndex}.actions`, [
      ...steps[stepIndex]!.actions,
      ...[...checklist.actions].sort((a, b) => a.order - b.order).map(actionValuesOf),
    ]);
    if (steps[stepIndex]!.name.trim() === '')
      form.setFieldValue(`steps.${stepIndex}.name`, checklist.name);
  };

  return (
    <Stack gap="md">
      {typeof form.errors.steps === 'string' && (
        <Text size="sm" c="red">
          {form.errors.steps}
        </Text>
      )}
      {steps.length === 0 && (
        <Text size="sm" c="dimmed">
          No steps: the task is done without checking in anywhere.
        </Text>
      )}
      {steps.map((step, stepIndex) => (
        <Paper key={step.key} withBorder radius="md" p="sm" data-testid="task-step">
          <Stack gap="sm">
            <Group justify="space-between" wrap="nowrap">
              <Badge variant="light">Step {stepIndex + 1}</Badge>
              {!disabled && (
                <Group gap={4}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Move step ${stepIndex + 1} up`}
                    disabled={stepIndex === 0}
                    onClick={() =>
                      form.reorderListItem('steps', { from: stepIndex, to: stepIndex - 1 })
                    }
                  >
                    {up}
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Move step ${stepIndex + 1} down`}
                    disabled={stepIndex === steps.length - 1}
                    onClick={() =>
                      form.reorderListItem('steps', { from: stepIndex, to: stepIndex + 1 })
                    }
                  >
                    {down}
                  </ActionIcon>
                  <CloseButton
                    size="sm"
                    aria-label={`Remove step ${stepIndex + 1}`}
                    onClick={() => form.removeListItem('steps', stepIndex)}
                  />
                </Group>
              )}
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label="Step name"
                placeholder="Main gate"
                required
                maxLength={200}
                disabled={disabled}
                {...form.getInputProps(`steps.${stepIndex}.name`)}
              />
              <Select
                label="Point"
                placeholder={
                  pointOptions.length ? 'Where to check in' : 'This location has no points'
                }
                required
                searchable
                data={pointOptions}
                disabled={disabled}
                {...form.getInputProps(`steps.${stepIndex}.pointId`)}
              />
            </SimpleGrid>

            <Stack gap="xs">
              {step.actions.map((action, actionIndex) => {
                const path = `steps.${stepIndex}.actions.${actionIndex}` as const;
                const setType = (type: ActionType) => {
                  const fresh = newAction(type);
                  form.setFieldValue(path, {
                    ...fresh,
                    key: action.key,
                    name: action.name,
                    description: action.description,
                    required: type === 'INSTRUCTION' ? false : action.required,
                  });
                };
                return (
                  <Paper
                    key={action.key}
                    withBorder
                    radius="sm"
                    p="xs"
                    bg="var(--mantine-color-default-hover)"
                    data-testid="task-action"
                  >
                    <Stack gap={6}>
                      <Group gap="xs" align="flex-end" wrap="wrap">
                        <Select
                          label="Answer"
                          data={ACTION_TYPES.map(({ value, label }) => ({ value, label }))}
                          allowDeselect={false}
                          w={150}
                          size="xs"
                          disabled={disabled}
                          value={action.type}
                          onChange={(value) => value && setType(value)}
                        />
                        <TextInput
                          label="Action"
                          placeholder="Gate locked?"
                          required
                          size="xs"
                          style={{ flex: '1 1 12rem' }}
                          maxLength={200}
                          disabled={disabled}
                          {...form.getInputProps(`${path}.name`)}
                        />
                        {action.type !== 'INSTRUCTION' && (
                          <Switch
                            label="Required"
                            size="xs"
                            mb={6}
                            disabled={disabled}
                            {...form.getInputProps(`${path}.required`, { type: 'checkbox' })}
                          />
                        )}
                        {!disabled && (
                          <Group gap={2} mb={2}>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              size="sm"
                              aria-label={`Move action ${actionIndex + 1} up`}
                              disabled={actionIndex === 0}
                              onClick={() =>
                                form.reorderListItem(`steps.${stepIndex}.actions`, {
                                  from: actionIndex,
                                  to: actionIndex - 1,
                                })
                              }
                            >
                              {up}
                            </ActionIcon>
                            <CloseButton
                              size="sm"
                              aria-label={`Remove action ${actionIndex + 1}`}
                              onClick={() =>
                                form.removeListItem(`steps.${stepIndex}.actions`, actionIndex)
                              }
                            />
                          </Group>
                        )}
                      </Group>
                      <Textarea
                        label={action.type === 'INSTRUCTION' ? 'Instruction' : 'Help text'}
                        size="xs"
                        autosize
                        minRows={1}
                        maxRows={4}
                        maxLength={4000}
                        disabled={disabled}
                        {...form.getInputProps(`${path}.description`)}
                      />
                      {(action.type === 'BOOLEAN' || action.type === 'NUMBER') && (
                        <Group gap="xs" wrap="wrap">
                          <Select
                            label={action.type === 'NUMBER' ? 'Alert when out of range' : 'Alert'}
                            data={ALERT_LEVELS}
                            allowDeselect={false}
                            size="xs"
                            w={180}
                            disabled={disabled}
                            {...form.getInputProps(`${path}.alertLevel`)}
                          />
                          {action.type === 'BOOLEAN' && action.alertLevel && (
                            <Select
                              label="When the answer is"
                              data={[
                                { value: 'false', label: 'No' },
                                { value: 'true', label: 'Yes' },
                              ]}
                              allowDeselect={false}
                              size="xs"
                              w={150}
                              disabled={disabled}
                              {...form.getInputProps(`${path}.alertValue`)}
                            />
                          )}
                          {action.type === 'NUMBER' && (
                            <>
                              <NumberInput
                                label="Lowest accepted"
                                size="xs"
                                w={140}
                                disabled={disabled}
                                {...form.getInputProps(`${path}.minValue`)}
                              />
                              <NumberInput
                                label="Highest accepted"
                                size="xs"
                                w={140}
                                disabled={disabled}
                                {...form.getInputProps(`${path}.maxValue`)}
                              />
                            </>
                          )}
                        </Group>
                      )}
                      {action.type === 'TEXT' && (
                        <Group gap="xs" wrap="wrap">
                          <NumberInput
                            label="Longest answer"
                            size="xs"
                            w={140}
                            min={1}
                            max={10_000}
                            allowDecimal={false}
                            disabled={disabled}
                            {...form.getInputProps(`${path}.maxLength`)}
                          />
                          <TextInput
                            label="Must match (regular expression)"
                            placeholder="^[A-Z]{2}\d{4}$"
                            size="xs"
                            style={{ flex: '1 1 14rem' }}
                            disabled={disabled}
                            {...form.getInputProps(`${path}.regex`)}
                          />
                        </Group>
                      )}
                      {action.type === 'MEDIA' && (
                        <Group gap="xs" wrap="wrap" align="flex-end">
                          <NumberInput
                            label="At least"
                            size="xs"
                            w={110}
                            min={0}
                            max={50}
                            allowDecimal={false}
                            disabled={disabled}
                            {...form.getInputProps(`${path}.minCount`)}
                          />
                          <NumberInput
                            label="At most"
                            size="xs"
                            w={110}
                            min={1}
                            max={50}
                            allowDecimal={false}
                            disabled={disabled}
                            {...form.getInputProps(`${path}.maxCount`)}
                          />
                          <Switch
                            label="Camera only (no gallery)"
                            size="xs"
                            mb={6}
                            disabled={disabled}
                            {...form.getInputProps(`${path}.cameraOnly`, { type: 'checkbox' })}
                          />
                        </Group>
                      )}
                      {(action.type === 'SELECT' || action.type === 'MULTISELECT') && (
                        <Stack gap={4}>
                          <Text size="xs" fw={500}>
                            Options
                          </Text>
                          {typeof form.errors[`${path}.options`] === 'string' && (
                            <Text size="xs" c="red">
                              {form.errors[`${path}.options`]}
                            </Text>
                          )}
                          {action.options.map((_, optionIndex) => (
                            <Group key={optionIndex} gap="xs" wrap="nowrap">
                              <TextInput
                                aria-label={`Option ${optionIndex + 1}`}
                                placeholder={`Option ${optionIndex + 1}`}
                                size="xs"
                                style={{ flex: 1 }}
                                disabled={disabled}
                                {...form.getInputProps(`${path}.options.${optionIndex}.value`)}
                              />
                              <Select
                                aria-label={`Alert for option ${optionIndex + 1}`}
                                data={ALERT_LEVELS}
                                allowDeselect={false}
                                size="xs"
                                w={120}
                                disabled={disabled}
                                {...form.getInputProps(`${path}.options.${optionIndex}.alertLevel`)}
                              />
                              {!disabled && (
                                <CloseButton
                                  size="sm"
                                  aria-label={`Remove option ${optionIndex + 1}`}
                                  onClick={() =>
                                    form.removeListItem(`${path}.options`, optionIndex)
                                  }
                                />
                              )}
                            </Group>
                          ))}
                          {!disabled && (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              leftSection={<IconPlus size={12} />}
                              w="fit-content"
                              onClick={() =>
                                form.insertListItem(`${path}.options`, {
                                  value: '',
                                  alertLevel: '',
                                })
                              }
                            >
                              Add option
                            </Button>
                          )}
                        </Stack>
                      )}
                    </Stack>
                  </Paper>
                );
              })}
            </Stack>

            {!disabled && (
              <Group gap="sm" wrap="wrap">
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => form.insertListItem(`steps.${stepIndex}.actions`, newAction())}
                >
                  Add action
                </Button>
                <Select
                  aria-label={`Add actions to step ${stepIndex + 1} from a checklist template`}
                  placeholder={
                    checklistOptions.length
                      ? 'Add from a checklist template…'
                      : 'No checklist templates yet'
                  }
                  data={checklistOptions}
                  disabled={checklistOptions.length === 0}
                  size="xs"
                  w={260}
                  value={null}
                  onChange={(value) => fillFromChecklist(stepIndex, value)}
                />
              </Group>
            )}
          </Stack>
        </Paper>
      ))}
      {!disabled && (
        <Button
          variant="default"
          leftSection={<IconPlus size={16} />}
          w="fit-content"
          onClick={() => form.insertListItem('steps', newStep())}
        >
          Add step
        </Button>
      )}
    </Stack>
  );
}
