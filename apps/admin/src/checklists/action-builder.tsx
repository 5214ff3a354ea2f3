/**
 * Builds checklist actions: one editor per action with the options of its type, and a list
 * builder around it (add, reorder, remove). Checklist templates use it; the task editor reuses
 * it for a step's actions, so it knows nothing about where the list is stored: values in,
 * changes out, errors by path.
 */
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Tooltip,
} from '@mantine/core';
import type { Schemas } from '@openpatrol/api-client';
import type { ReactNode } from 'react';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '../components/icons.js';

export type ActionType = Schemas['ActionType'];
export type AlertLevel = Schemas['AlertLevel'];
export type ActionDefinition = Schemas['ActionDefinition'];
export type NormalizedActionDefinition = Schemas['NormalizedActionDefinition'];

export interface ActionOptionDraft {
  value: string;
  alertLevel: AlertLevel | null;
}

/** One action as a form holds it: every field present, numbers possibly empty while typing. */
export interface ActionDraft {
  name: string;
  type: ActionType;
  required: boolean;
  description: string;
  alertLevel: AlertLevel | null;
  alertValue: boolean;
  minValue: number | '';
  maxValue: number | '';
  maxLength: number | '';
  regex: string;
  cameraOnly: boolean;
  minCount: number | '';
  maxCount: number | '';
  options: ActionOptionDraft[];
}

export const ACTION_TYPES: readonly { value: ActionType; label: string; description: string }[] = [
  { value: 'BOOLEAN', label: 'Yes / no', description: 'A question answered yes or no.' },
  { value: 'NUMBER', label: 'Number', description: 'A reading, with an accepted range.' },
  { value: 'TEXT', label: 'Text', description: 'A written answer.' },
  { value: 'MEDIA', label: 'Photo', description: 'One or more photos as evidence.' },
  { value: 'SELECT', label: 'One choice', description: 'Pick one of a list.' },
  { value: 'MULTISELECT', label: 'Several choices', description: 'Pick any of a list.' },
  { value: 'INSTRUCTION', label: 'Instruction', description: 'Text to read; takes no answer.' },
];
const TYPE_LABELS = Object.fromEntries(
  ACTION_TYPES.map((type) => [type.value, type.label]),
) as Record<ActionType, string>;

const ALERT_LEVEL_DATA = [
  { value: 'NONE', label: 'No alert' },
  { value: 'WARNING', label: 'Warning' },
  { value: 'ERROR', label: 'Error' },
];
const toAlertLevel = (value: string | null): AlertLevel | null =>
  value === 'WARNING' || value === 'ERROR' ? value : null;

export function emptyAction(type: ActionType = 'BOOLEAN'): ActionDraft {
  return {
    name: '',
    type,
    required: type !== 'INSTRUCTION',
    description: '',
    alertLevel: null,
    alertValue: false,
    minValue: '',
    maxValue: '',
    maxLength: '',
    regex: '',
    cameraOnly: false,
    minCount: '',
    maxCount: '',
    options: type === 'SELECT' || type === 'MULTISELECT' ? [{ value: '', alertLevel: null }] : [],
  };
}

/** A stored action (normalized, or as sent) as a draft to edit. */
export function actionDraftFrom(
  action: ActionDefinition | NormalizedActionDefinition,
): ActionDraft {
  return {
    name: action.name,
    type: action.type,
    required: action.required,
    description: action.description ?? '',
    alertLevel: action.alertLevel ?? null,
    alertValue: action.alertValue ?? false,
    minValue: action.minValue ?? '',
    maxValue: action.maxValue ?? '',
    maxLength: action.maxLength ?? '',
    regex: action.regex ?? '',
    cameraOnly: action.cameraOnly ?? false,
    minCount: action.minCount ?? '',
    maxCount: action.maxCount ?? '',
    options: (action.options ?? []).map((option) => ({
      value: option.value,
      alertLevel: option.alertLevel ?? null,
    })),
  };
}

const numberOrNull = (value: number | ''): number | null => (value === '' ? null : Number(value));
const textOrNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/**
 * Drafts as the API takes them, in list order. Only the options of each action's type are sent:
 * the server refuses an option that does not belong to the type.
 */
export function toActionDefinitions(drafts: readonly ActionDraft[]): ActionDefinition[] {
  return drafts.map((draft, index) => {
    const base: ActionDefinition = {
      name: draft.name.trim(),
      type: draft.type,
      order: index,
      required: draft.type === 'INSTRUCTION' ? false : draft.required,
      description: textOrNull(draft.description),
    };
    switch (draft.type) {
      case 'BOOLEAN':
        return {
          ...base,
          alertLevel: draft.alertLevel,
          alertValue: draft.alertLevel ? draft.alertValue : null,
        };
      case 'NUMBER':
        return {
          ...base,
          alertLevel: draft.alertLevel,
          minValue: numberOrNull(draft.minValue),
          maxValue: numberOrNull(draft.maxValue),
        };
      case 'TEXT':
        return {
          ...base,
          maxLength: numberOrNull(draft.maxLength),
          regex: textOrNull(draft.regex),
        };
      case 'MEDIA':
        return {
          ...base,
          cameraOnly: draft.cameraOnly,
          minCount: numberOrNull(draft.minCount),
          maxCount: numberOrNull(draft.maxCount),
        };
      case 'SELECT':
      case 'MULTISELECT':
        return {
          ...base,
          options: draft.options.map((option) => ({
            value: option.value.trim(),
            alertLevel: option.alertLevel,
          })),
        };
      case 'INSTRUCTION':
        return base;
    }
  });
}

/**
 * The server's rules for one action (action-definitions.ts), checked as the person types.
 * Keys are paths inside the action (`name`, `options.1.value`).
 */
export function validateActionDraft(draft: ActionDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  const name = draft.name.trim();
  if (name === '') errors.name = 'Name the action';
  else if (name.length > 200) errors.name = 'Keep the name under 200 characters';
  if (draft.description.length > 4000)
    errors.description = 'Keep the description under 4,000 characters';
  if (
    draft.type === 'NUMBER' &&
    draft.minValue !== '' &&
    draft.maxValue !== '' &&
    Number(draft.minValue) > Number(draft.maxValue)
  )
    errors.minValue = 'The lowest value cannot be above the highest';
  if (draft.type === 'TEXT' && draft.regex.trim() !== '') {
    try {
      new RegExp(draft.regex.trim(), 'u');
    } catch {
      errors.regex = 'This is not a valid regular expression';
    }
  }
  if (
    draft.type === 'MEDIA' &&
    draft.minCount !== '' &&
    draft.maxCount !== '' &&
    Number(draft.minCount) > Number(draft.maxCount)
  )
    errors.minCount = 'The fewest photos cannot be more than the most';
  if (draft.type === 'SELECT' || draft.type === 'MULTISELECT') {
    if (draft.options.length === 0) errors.options = 'Give at least one choice';
    const seen = new Set<string>();
    draft.options.forEach((option, index) => {
      const key = option.value.trim().toLocaleLowerCase();
      if (key === '') errors[`options.${index}.value`] = 'Give the choice a name';
      else if (seen.has(key)) errors[`options.${index}.value`] = 'This choice is listed already';
      seen.add(key);
    });
  }
  return errors;
}

/** Every action's errors, keyed `<index>.<path>` as the list builder asks for them. */
export function validateActionDrafts(drafts: readonly ActionDraft[]): Record<string, string> {
  return Object.fromEntries(
    drafts.flatMap((draft, index) =>
      Object.entries(validateActionDraft(draft)).map(([path, error]) => [
        `${index}.${path}`,
        error,
      ]),
    ),
  );
}

/** An error for a path inside the action, e.g. `minValue` or `options.0.value`. */
export type ActionErrorOf = (path: string) => ReactNode | undefined;

/** Edits one action: its name, type, whether it is required, and the options of its type. */
export function ActionEditor({
  value,
  onChange,
  errorOf = () => undefined,
  readOnly = false,
}: {
  value: ActionDraft;
  onChange: (next: ActionDraft) => void;
  errorOf?: ActionErrorOf;
  readOnly?: boolean;
}) {
  const set = <K extends keyof ActionDraft>(key: K, fieldValue: ActionDraft[K]) =>
    onChange({ ...value, [key]: fieldValue });
  const number = (fieldValue: string | number): number | '' =>
    fieldValue === '' ? '' : Number(fieldValue);
  const changeType = (type: ActionType) =>
    onChange({
      ...emptyAction(type),
      name: value.name,
      description: value.description,
      required: type === 'INSTRUCTION' ? false : value.required,
      // Choices survive a switch between one and several.
      options:
        (type === 'SELECT' || type === 'MULTISELECT') && value.options.length > 0
          ? value.options
          : emptyAction(type).options,
    });

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="Name"
          placeholder={value.type === 'INSTRUCTION' ? 'Before you leave' : 'Fire door closed?'}
          required
          maxLength={200}
          readOnly={readOnly}
          value={value.name}
          error={errorOf('name')}
          onChange={(event) => set('name', event.currentTarget.value)}
        />
        <Select
          label="Type"
          allowDeselect={false}
          readOnly={readOnly}
          data={ACTION_TYPES.map((type) => ({ value: type.value, label: type.label }))}
          value={value.type}
          error={errorOf('type')}
          onChange={(type) => type && changeType(type)}
          description={ACTION_TYPES.find((type) => type.value === value.type)?.description}
        />
      </SimpleGrid>
      <Textarea
        label={value.type === 'INSTRUCTION' ? 'Instruction' : 'Help text'}
        placeholder={
          value.type === 'INSTRUCTION'
            ? 'Switch off the lights in the hall and lock the back door.'
            : 'What to look at, where to find it'
        }
        autosize
        minRows={1}
        maxRows={6}
        maxLength={4000}
        readOnly={readOnly}
        value={value.description}
        error={errorOf('description')}
        onChange={(event) => set('description', event.currentTarget.value)}
      />
      {value.type !== 'INSTRUCTION' && (
        <Switch
          label="Required: an answer is needed to finish"
          disabled={readOnly}
          checked={value.required}
          onChange={(event) => set('required', event.currentTarget.checked)}
        />
      )}

      {value.type === 'BOOLEAN' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Alert"
            allowDeselect={false}
            readOnly={readOnly}
            data={ALERT_LEVEL_DATA}
            value={value.alertLevel ?? 'NONE'}
            error={errorOf('alertLevel')}
            onChange={(level) => set('alertLevel', toAlertLevel(level))}
          />
          {value.alertLevel && (
            <div>
              <Text size="sm" fw={500} mb={4}>
                When the answer is
              </Text>
              <SegmentedControl
                aria-label="Answer that raises the alert"
                disabled={readOnly}
                data={[
                  { value: 'yes', label: 'Yes' },
                  { value: 'no', label: 'No' },
                ]}
                value={value.alertValue ? 'yes' : 'no'}
                onChange={(answer) => set('alertValue', answer === 'yes')}
              />
            </div>
          )}
        </SimpleGrid>
      )}

      {value.type === 'NUMBER' && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NumberInput
            label="Lowest accepted"
            readOnly={readOnly}
            value={value.minValue}
            error={errorOf('minValue')}
            onChange={(fieldValue) => set('minValue', number(fieldValue))}
          />
          <NumberInput
            label="Highest accepted"
            readOnly={readOnly}
            value={value.maxValue}
            error={errorOf('maxValue')}
            onChange={(fieldValue) => set('maxValue', number(fieldValue))}
          />
          <Select
            label="Out of range raises"
            allowDeselect={false}
            readOnly={readOnly}
            data={ALERT_LEVEL_DATA}
            value={value.alertLevel ?? 'NONE'}
            error={errorOf('alertLevel')}
            onChange={(level) => set('alertLevel', toAlertLevel(level))}
          />
        </SimpleGrid>
      )}

      {value.type === 'TEXT' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NumberInput
            label="Longest answer (characters)"
            min={1}
            max={10_000}
            allowDecimal={false}
            readOnly={readOnly}
            value={value.maxLength}
            error={errorOf('maxLength')}
            onChange={(fieldValue) => set('maxLength', number(fieldValue))}
          />
          <TextInput
            label="Pattern (regular expression)"
            placeholder="^[A-Z]{2}[0-9]{4}$"
            maxLength={500}
            readOnly={readOnly}
            value={value.regex}
            error={errorOf('regex')}
            onChange={(event) => set('regex', event.currentTarget.value)}
          />
        </SimpleGrid>
      )}

      {value.type === 'MEDIA' && (
        <Stack gap="sm">
          <Switch
            label="Camera only: no pictures from the gallery"
            disabled={readOnly}
            checked={value.cameraOnly}
            onChange={(event) => set('cameraOnly', event.currentTarget.checked)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput
              label="Fewest photos"
              min={0}
              max={50}
              allowDecimal={false}
              readOnly={readOnly}
              value={value.minCount}
              error={errorOf('minCount')}
              onChange={(fieldValue) => set('minCount', number(fieldValue))}
            />
            <NumberInput
              label="Most photos"
              min={1}
              max={50}
              allowDecimal={false}
              readOnly={readOnly}
              value={value.maxCount}
              error={errorOf('maxCount')}
              onChange={(fieldValue) => set('maxCount', number(fieldValue))}
            />
          </SimpleGrid>
        </Stack>
      )}

      {(value.type === 'SELECT' || value.type === 'MULTISELECT') && (
        <OptionsEditor
          options={value.options}
          onChange={(options) => set('options', options)}
          errorOf={errorOf}
          readOnly={readOnly}
        />
      )}
    </Stack>
  );
}

function OptionsEditor({
  options,
  onChange,
  errorOf,
  readOnly,
}: {
  options: ActionOptionDraft[];
  onChange: (options: ActionOptionDraft[]) => void;
  errorOf: ActionErrorOf;
  readOnly: boolean;
}) {
  const replace = (index: number, option: ActionOptionDraft) =>
    onChange(options.map((current, at) => (at === index ? option : current)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        Choices
      </Text>
      {errorOf('options') && (
        <Text size="xs" c="red">
          {errorOf('options')}
        </Text>
      )}
      {options.map((option, index) => (
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label={`Choice ${index + 1}`}
            placeholder={`Choice ${index + 1}`}
            maxLength={200}
            readOnly={readOnly}
            value={option.value}
            error={errorOf(`options.${index}.value`)}
            onChange={(event) => replace(index, { ...option, value: event.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <Select
            aria-label={`Alert for choice ${index + 1}`}
            allowDeselect={false}
            readOnly={readOnly}
            data={ALERT_LEVEL_DATA}
            value={option.alertLevel ?? 'NONE'}
            onChange={(level) => replace(index, { ...option, alertLevel: toAlertLevel(level) })}
            w={130}
          />
          {!readOnly && (
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={`Remove choice ${index + 1}`}
              onClick={() => onChange(options.filter((_, at) => at !== index))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {!readOnly && (
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...options, { value: '', alertLevel: null }])}
          style={{ alignSelf: 'flex-start' }}
          disabled={options.length >= 100}
        >
          Add choice
        </Button>
      )}
    </Stack>
  );
}

/**
 * An ordered list of actions: add one of any type, move, remove. `errorOf` is asked for
 * `<index>.<path>` (e.g. `2.options.0.value`), the same paths `validateActionDrafts` returns.
 */
export function ActionListBuilder({
  actions,
  onChange,
  errorOf = () => undefined,
  readOnly = false,
  maxActions = 200,
}: {
  actions: readonly ActionDraft[];
  onChange: (actions: ActionDraft[]) => void;
  errorOf?: ActionErrorOf;
  readOnly?: boolean;
  maxActions?: number;
}) {
  const move = (from: number, to: number) => {
    const next = [...actions];
    const [moved] = next.splice(from, 1);
    if (moved) next.splice(to, 0, moved);
    onChange(next);
  };
  return (
    <Stack gap="sm">
      {actions.map((action, index) => (
        <Paper
          key={index}
          withBorder
          radius="md"
          p="md"
          role="group"
          aria-label={`Action ${index + 1}`}
        >
          <Group justify="space-between" mb="sm" wrap="nowrap">
            <Group gap="xs">
              <Text fw={600} size="sm">
                {index + 1}.
              </Text>
              <Badge variant="light" size="sm">
                {TYPE_LABELS[action.type]}
              </Badge>
              {action.required && action.type !== 'INSTRUCTION' && (
                <Badge variant="outline" size="sm" color="gray">
                  Required
                </Badge>
              )}
            </Group>
            {!readOnly && (
              <Group gap={4} wrap="nowrap">
                <Tooltip label="Move up">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Move action ${index + 1} up`}
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Move down">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Move action ${index + 1} down`}
                    disabled={index === actions.length - 1}
                    onClick={() => move(index, index + 1)}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Remove">
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove action ${index + 1}`}
                    onClick={() => onChange(actions.filter((_, at) => at !== index))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            )}
          </Group>
          <ActionEditor
            value={action}
            readOnly={readOnly}
            errorOf={(path) => errorOf(`${index}.${path}`)}
            onChange={(next) =>
              onChange(actions.map((current, at) => (at === index ? next : current)))
            }
          />
        </Paper>
      ))}
      {!readOnly && (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            Add:
          </Text>
          {ACTION_TYPES.map((type) => (
            <Button
              key={type.value}
              size="xs"
              variant="default"
              leftSection={<IconPlus size={14} />}
              disabled={actions.length >= maxActions}
              onClick={() => onChange([...actions, emptyAction(type.value)])}
            >
              {type.label}
            </Button>
          ))}
        </Group>
      )}
    </Stack>
  );
}
