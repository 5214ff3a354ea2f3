import type { Schemas } from '@openpatrol/api-client';
import { instantOf, wallTimeOf } from '../schedule/zoned-time.js';
import {
  buildRule,
  defaultRepeat,
  fromExceptionInstant,
  readRule,
  toExceptionInstant,
  type RepeatValues,
} from './recurrence-rule.js';

export type TaskBody = Schemas['CreateTaskExecutionBody'];
export type TaskExecution = Schemas['TaskExecutionInfo'];
export type ExecutionPlan = Schemas['ExecutionPlan'];
export type ActionType = Schemas['ActionType'];
type ActionDefinition = Schemas['ActionDefinition'];
type AlertChoice = '' | 'WARNING' | 'ERROR';

export const ACTION_TYPES: { value: ActionType; label: string; hint: string }[] = [
  { value: 'BOOLEAN', label: 'Yes / no', hint: 'A yes-or-no answer' },
  { value: 'NUMBER', label: 'Number', hint: 'A reading, with an accepted range' },
  { value: 'TEXT', label: 'Text', hint: 'A written answer' },
  { value: 'MEDIA', label: 'Photo', hint: 'Photos or files' },
  { value: 'SELECT', label: 'One choice', hint: 'One option from a list' },
  { value: 'MULTISELECT', label: 'Several choices', hint: 'Any options from a list' },
  { value: 'INSTRUCTION', label: 'Instruction', hint: 'Text to read; takes no answer' },
];

export interface ActionValues {
  /** React's key for the row; never sent. */
  key: string;
  name: string;
  type: ActionType;
  required: boolean;
  description: string;
  alertLevel: AlertChoice;
  alertValue: 'true' | 'false';
  minValue: number | string;
  maxValue: number | string;
  maxLength: number | string;
  regex: string;
  cameraOnly: boolean;
  minCount: number | string;
  maxCount: number | string;
  options: { value: string; alertLevel: AlertChoice }[];
}

export interface StepValues {
  key: string;
  name: string;
  pointId: string | null;
  actions: ActionValues[];
}

export interface TaskFormValues {
  name: string;
  description: string;
  locationId: string | null;
  assigneeIds: string[];
  /** The window as read at the location: `YYYY-MM-DD` and `HH:mm`. */
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  priority: Schemas['Priority'];
  tags: string[];
  orderStepsRequired: boolean;
  strictTimeRequired: boolean;
  deadlined: boolean;
  published: boolean;
  repeat: RepeatValues;
  /** Skipped occurrences, as the ISO instants of their starts. */
  exceptions: string[];
  steps: StepValues[];
}

let keys = 0;
export const newKey = (): string => `k${++keys}`;

export function newAction(type: ActionType = 'BOOLEAN'): ActionValues {
  return {
    key: newKey(),
    name: '',
    type,
    required: type !== 'INSTRUCTION',
    description: '',
    alertLevel: '',
    alertValue: 'false',
    minValue: '',
    maxValue: '',
    maxLength: '',
    regex: '',
    cameraOnly: false,
    minCount: '',
    maxCount: '',
    options: type === 'SELECT' || type === 'MULTISELECT' ? [{ value: '', alertLevel: '' }] : [],
  };
}

export function newStep(): StepValues {
  return { key: newKey(), name: '', pointId: null, actions: [] };
}

/** An action definition from the API (a checklist template's or a plan's) as builder rows. */
export function actionValuesOf(definition: ActionDefinition): ActionValues {
  const text = (value: string | null | undefined) => value ?? '';
  const number = (value: number | null | undefined) => value ?? '';
  return {
    key: newKey(),
    name: definition.name,
    type: definition.type,
    required: definition.required,
    description: text(definition.description),
    alertLevel: definition.alertLevel ?? '',
    alertValue: definition.alertValue ? 'true' : 'false',
    minValue: number(definition.minValue),
    maxValue: number(definition.maxValue),
    maxLength: number(definition.maxLength),
    regex: text(definition.regex),
    cameraOnly: definition.cameraOnly ?? false,
    minCount: number(definition.minCount),
    maxCount: number(definition.maxCount),
    options: (definition.options ?? []).map((option) => ({
      value: option.value,
      alertLevel: option.alertLevel ?? '',
    })),
  };
}

const optionalNumber = (value: number | string): number | null =>
  value === '' || value === null ? null : Number(value);
const optionalText = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** Only the options of the action's type are sent: the server refuses any other. */
export function toActionDefinition(action: ActionValues, order: number): ActionDefinition {
  const base: ActionDefinition = {
    name: action.name.trim(),
    type: action.type,
    order,
    required: action.type === 'INSTRUCTION' ? false : action.required,
    description: optionalText(action.description),
  };
  switch (action.type) {
    case 'BOOLEAN':
      return {
        ...base,
        alertLevel: action.alertLevel || null,
        alertValue: action.alertLevel ? action.alertValue === 'true' : null,
      };
    case 'NUMBER':
      return {
        ...base,
        alertLevel: action.alertLevel || null,
        minValue: optionalNumber(action.minValue),
        maxValue: optionalNumber(action.maxValue),
      };
    case 'TEXT':
      return {
        ...base,
        maxLength: optionalNumber(action.maxLength),
        regex: optionalText(action.regex),
      };
    case 'MEDIA':
      return {
        ...base,
        cameraOnly: action.cameraOnly,
        minCount: optionalNumber(action.minCount),
        maxCount: optionalNumber(action.maxCount),
      };
    case 'SELECT':
    case 'MULTISELECT':
      return {
        ...base,
        options: action.options.map((option) => ({
          value: option.value.trim(),
          alertLevel: option.alertLevel || null,
        })),
      };
    case 'INSTRUCTION':
      return base;
  }
}

export function emptyTaskValues(date: string, locationId: string | null): TaskFormValues {
  return {
    name: '',
    description: '',
    locationId,
    assigneeIds: [],
    startDate: date,
    startTime: '20:00',
    endDate: date,
    endTime: '22:00',
    priority: 'NORMAL',
    tags: [],
    orderStepsRequired: false,
    strictTimeRequired: false,
    deadlined: false,
    published: true,
    repeat: defaultRepeat(date),
    exceptions: [],
    steps: [newStep()],
  };
}

/** An execution and its plan as the editor's values, read at the location's zone. */
export function taskValuesOf(
  execution: TaskExecution,
  plan: ExecutionPlan | undefined,
  timeZone: string,
): TaskFormValues {
  const start = wallTimeOf(execution.startAt, timeZone);
  const end = wallTimeOf(execution.endAt, timeZone);
  const definitions = new Map(
    (plan?.steps ?? []).flatMap((step) =>
      step.actions.map((action) => [action.id, action.definition] as const),
    ),
  );
  return {
    name: execution.name,
    description: execution.description ?? '',
    locationId: execution.locationId,
    assigneeIds: execution.seenStates.map((seen) => seen.assigneeId),
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    priority: execution.priority,
    tags: execution.tags,
    orderStepsRequired: execution.orderStepsRequired,
    strictTimeRequired: execution.strictTimeRequired,
    deadlined: execution.deadlined,
    published: execution.published,
    repeat: readRule(execution.recurrence?.rule ?? null, start.date),
    exceptions: (execution.recurrence?.exception ?? '')
      .split(',')
      .map(fromExceptionInstant)
      .filter((instant): instant is string => instant !== null),
    steps: [...execution.steps]
      .sort((a, b) => a.order - b.order)
      .map((step) => ({
        key: newKey(),
        name: step.name,
        pointId: step.pointId,
        actions: [...step.actions]
          .sort((a, b) => a.order - b.order)
          .map((action) => {
            const definition = definitions.get(action.id);
            return definition
              ? actionValuesOf(definition)
              : actionValuesOf({
                  name: action.name,
                  type: action.type,
                  order: action.order,
                  required: action.required,
                  minValue: action.minValue,
                  maxValue: action.maxValue,
                });
          }),
      })),
  };
}

/** The window's instants: the wall times entered, placed in the location's zone. */
export function windowOf(values: TaskFormValues, timeZone: string) {
  return {
    startAt: instantOf(values.startDate, values.startTime, timeZone).toISOString(),
    endAt: instantOf(values.endDate, values.endTime, timeZone).toISOString(),
  };
}

export function recurrenceOf(values: TaskFormValues): TaskBody['recurrence'] {
  const rule = buildRule(values.repeat);
  if (rule === null) return null;
  return {
    rule,
    exception:
      values.exceptions.length > 0 ? values.exceptions.map(toExceptionInstant).join(',') : null,
  };
}

export function toTaskBody(values: TaskFormValues, timeZone: string): TaskBody {
  return {
    assigneeIds: values.assigneeIds,
    locationId: values.locationId ?? '',
    name: values.name.trim(),
    description: optionalText(values.description),
    recurrence: recurrenceOf(values),
    ...windowOf(values, timeZone),
    priority: values.priority,
    orderStepsRequired: values.orderStepsRequired,
    strictTimeRequired: values.strictTimeRequired,
    deadlined: values.deadlined,
    tags: values.tags,
    published: values.published,
    steps: values.steps.map((step, index) => ({
      pointId: step.pointId ?? '',
      name: step.name.trim(),
      order: index,
      actions: step.actions.map(toActionDefinition),
    })),
  };
}

/**
 * Where the server's field errors go in this form: array entries of a list field point at the
 * list, the window's instants at the times people typed.
 */
export function fieldAliasesFor(values: TaskFormValues): Record<string, string> {
  return {
    '/startAt': 'startTime',
    '/endAt': 'endTime',
    '/recurrence': 'repeat',
    '/recurrence/rule': 'repeat',
    '/recurrence/exception': 'exceptions',
    ...Object.fromEntries(
      values.assigneeIds.map((_, index) => [`/assigneeIds/${index}`, 'assigneeIds']),
    ),
    ...Object.fromEntries(values.tags.map((_, index) => [`/tags/${index}`, 'tags'])),
    ...Object.fromEntries(
      values.steps.map((_, index) => [`/steps/${index}/order`, `steps.${index}.name`]),
    ),
  };
}
