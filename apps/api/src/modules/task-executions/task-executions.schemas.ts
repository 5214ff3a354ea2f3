import { Type, type Static, type TSchema } from 'typebox';
import { StringEnum } from '../../shared/string-enum.js';
import { ActionDefinitionSchema, ActionTypeSchema } from '../checklists/action-definitions.js';

/**
 * The wire contract of the External API guide (shared/seed, copied verbatim into
 * seed-contract.json): the body of POST /task-executions and the items of GET
 * /task-executions/info, field for field. The contract test checks both against the guide's
 * examples, so a renamed, missing or extra key fails the build.
 */

const Nullable = <T extends TSchema>(schema: T, description?: string) =>
  Type.Union([schema, Type.Null()], description ? { description } : {});
const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({
  format: 'date-time',
  description: 'ISO-8601 UTC with milliseconds.',
});

export const PrioritySchema = StringEnum(['LOW', 'NORMAL', 'HIGH', 'CRITICAL'], {
  $id: 'Priority',
});
export const ExecutionStateSchema = StringEnum(
  ['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'INCOMPLETE', 'CANCELED'],
  {
    $id: 'ExecutionState',
  },
);
export const ResultStatusSchema = StringEnum(['OK', 'WARNING', 'ERROR'], {
  $id: 'ResultStatus',
  description: 'Summary of results: null before start.',
});

export const RecurrenceSchema = Type.Object(
  {
    rule: Type.String({
      minLength: 1,
      maxLength: 500,
      description:
        'An RFC 5545 RRULE without the "RRULE:" prefix, expanded in the location’s time zone from startAt’s wall time.',
    }),
    exception: Nullable(
      Type.String({ maxLength: 20_000 }),
      'Comma-separated UTC instants YYYYMMDDTHHMMSSZ; each removes the occurrence that starts or ends at it.',
    ),
  },
  { $id: 'Recurrence', additionalProperties: false },
);

const CreateStepSchema = Type.Object(
  {
    pointId: Uuid,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    order: Type.Integer({ minimum: 0, maximum: 10_000 }),
    actions: Type.Optional(Type.Array(ActionDefinitionSchema, { maxItems: 200 })),
    checklistId: Type.Optional(
      Nullable(Uuid, 'Copy the actions of this checklist template (after any listed here).'),
    ),
  },
  { additionalProperties: false },
);

export const CreateTaskExecutionBodySchema = Type.Object(
  {
    assigneeIds: Type.Array(Uuid, { maxItems: 500, uniqueItems: true }),
    locationId: Uuid,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Nullable(Type.String({ maxLength: 10_000 })),
    recurrence: Nullable(RecurrenceSchema, 'Null for a single occurrence.'),
    startAt: Instant,
    endAt: Instant,
    priority: PrioritySchema,
    orderStepsRequired: Type.Boolean({
      description: 'Steps must be checked in in order; others are refused.',
    }),
    strictTimeRequired: Type.Boolean({
      description: 'An early start or a late end is recorded as an error (never blocked).',
    }),
    deadlined: Type.Boolean({
      description: 'After endAt the execution can no longer be started or continued.',
    }),
    tags: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 }),
    steps: Type.Array(CreateStepSchema, { maxItems: 200 }),
    published: Type.Optional(
      Type.Boolean({
        default: true,
        description: 'Unpublished tasks are invisible to performers.',
      }),
    ),
  },
  { $id: 'CreateTaskExecutionBody', additionalProperties: false },
);
export type CreateTaskExecutionBody = Static<typeof CreateTaskExecutionBodySchema>;

export const SeenStateSchema = Type.Object(
  { assigneeId: Uuid, assigneeHistoryId: Type.Integer(), seen: Type.Boolean() },
  { $id: 'SeenState', additionalProperties: false },
);

export const ExecutionActionSchema = Type.Object(
  {
    id: Uuid,
    scheduledActionId: Uuid,
    seriesId: Uuid,
    scheduledActionHistoryId: Type.Integer(),
    executedActionId: Nullable(Uuid),
    name: Type.String(),
    type: ActionTypeSchema,
    order: Type.Integer(),
    status: Nullable(ResultStatusSchema),
    state: Nullable(
      Type.String({
        description: 'What happened to the action: null until the step is performed.',
      }),
    ),
    required: Type.Boolean(),
    validAction: Nullable(Type.Boolean()),
    missedRequiredValue: Nullable(Type.Boolean()),
    minValue: Nullable(Type.Number()),
    maxValue: Nullable(Type.Number()),
    booleanValue: Nullable(Type.Boolean()),
    mediaValueIds: Nullable(Type.Array(Uuid)),
    numberValue: Nullable(Type.Number()),
    textValue: Nullable(Type.String()),
    hasMedia: Nullable(Type.Boolean()),
  },
  { $id: 'ExecutionAction', additionalProperties: false },
);

export const ExecutionStepSchema = Type.Object(
  {
    id: Uuid,
    scheduledStepId: Uuid,
    seriesId: Uuid,
    scheduledStepHistoryId: Type.Integer(),
    executedStepId: Nullable(Uuid),
    name: Type.String(),
    pointId: Uuid,
    pointHistoryId: Type.Integer(),
    order: Type.Integer(),
    actualOrder: Nullable(Type.Integer()),
    status: Nullable(ResultStatusSchema),
    state: Nullable(
      Type.String({ description: 'What happened at the step: null until checked in or skipped.' }),
    ),
    keptOrder: Nullable(Type.Boolean()),
    actions: Type.Array(ExecutionActionSchema),
  },
  { $id: 'ExecutionStep', additionalProperties: false },
);

export const TaskExecutionInfoSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'The occurrence’s stable id.' }),
    scheduledTaskId: Uuid,
    scheduledTaskHistoryId: Type.Integer(),
    executedTaskId: Nullable(Uuid),
    name: Type.String(),
    description: Nullable(Type.String()),
    locationId: Uuid,
    locationHistoryId: Type.Integer(),
    seenStates: Type.Array(SeenStateSchema),
    performerId: Nullable(Uuid),
    status: Nullable(ResultStatusSchema),
    state: ExecutionStateSchema,
    published: Type.Boolean(),
    startAt: Instant,
    endAt: Instant,
    startedAt: Nullable(Instant),
    endedAt: Nullable(Instant),
    totalExecutedTimeInMillis: Nullable(Type.Integer()),
    lateStart: Nullable(Type.Boolean()),
    lateEnd: Nullable(Type.Boolean()),
    latenessInMillis: Nullable(Type.Integer()),
    expired: Type.Boolean(),
    seriesId: Uuid,
    recurrence: Nullable(RecurrenceSchema),
    keptOrder: Nullable(Type.Boolean()),
    skippedStepCount: Nullable(Type.Integer()),
    skippedActionCount: Nullable(Type.Integer()),
    numericErrorCount: Nullable(Type.Integer()),
    missingRequiredValuesCount: Nullable(Type.Integer()),
    executedStepCount: Nullable(Type.Integer()),
    orderStepsRequired: Type.Boolean(),
    strictTimeRequired: Type.Boolean(),
    deadlined: Type.Boolean(),
    priority: PrioritySchema,
    tags: Type.Array(Type.String()),
    collision: Nullable(Type.Boolean()),
    edited: Nullable(Type.Boolean()),
    editedAt: Nullable(Instant),
    stepCount: Type.Integer(),
    warningCount: Type.Integer(),
    errorCount: Type.Integer(),
    notes: Nullable(Type.String()),
    favorite: Type.Boolean(),
    steps: Type.Array(ExecutionStepSchema),
  },
  { $id: 'TaskExecutionInfo', additionalProperties: false },
);
export type TaskExecutionInfo = Static<typeof TaskExecutionInfoSchema>;

const idList = (what: string) =>
  Type.Optional(
    Type.String({ maxLength: 37_000, description: `Only these ${what}: ids separated by commas.` }),
  );

export const TaskExecutionInfoQuerySchema = Type.Object(
  {
    from: Type.String({
      format: 'date-time',
      description: 'Start of the window (inclusive), an ISO-8601 instant.',
    }),
    to: Type.String({
      format: 'date-time',
      description: 'End of the window (exclusive), at most 31 days after from.',
    }),
    ids: idList('executions'),
    locationIds: idList('locations'),
    assigneeIds: idList('assignees (any of them)'),
    performerIds: idList('performers'),
    scheduledTaskIds: idList('tasks'),
    seriesIds: idList('series'),
    states: Type.Optional(
      Type.String({
        maxLength: 200,
        description:
          'Only these states, separated by commas (PLANNED, IN_PROGRESS, COMPLETED, INCOMPLETE, CANCELED).',
      }),
    ),
    statuses: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'Only these result statuses, separated by commas (OK, WARNING, ERROR).',
      }),
    ),
    tags: Type.Optional(
      Type.String({ maxLength: 5_000, description: 'Only executions with any of these tags.' }),
    ),
    priorities: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'Only these priorities, separated by commas (LOW, NORMAL, HIGH, CRITICAL).',
      }),
    ),
    published: Type.Optional(
      Type.Boolean({ description: 'Only published (or unpublished) ones.' }),
    ),
    expired: Type.Optional(Type.Boolean({ description: 'Only expired (or not expired) ones.' })),
    includeCanceled: Type.Optional(
      Type.Boolean({
        default: false,
        description: 'Also list CANCELED executions (also implied by states=CANCELED).',
      }),
    ),
    updatedSince: Type.Optional(
      Type.String({
        format: 'date-time',
        description:
          'Only executions whose record changed after this instant: poll with the time of your previous poll.',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    cursor: Type.Optional(
      Type.String({ maxLength: 500, description: 'From the Link header of the previous page.' }),
    ),
  },
  { additionalProperties: false },
);
export type TaskExecutionInfoQuery = Static<typeof TaskExecutionInfoQuerySchema>;

export const EditScopeSchema = StringEnum(['THIS', 'FOLLOWING', 'ALL'], {
  default: 'THIS',
  description:
    'THIS occurrence only; this and the FOLLOWING ones (the task is split, a new task continues the series); ALL occurrences of the task that have not begun.',
});

export const TaskExecutionScopeQuerySchema = Type.Object(
  { scope: Type.Optional(EditScopeSchema) },
  { additionalProperties: false },
);

export const UpdateTaskExecutionBodySchema = Type.Object(
  {
    assigneeIds: Type.Optional(CreateTaskExecutionBodySchema.properties.assigneeIds),
    name: Type.Optional(CreateTaskExecutionBodySchema.properties.name),
    description: Type.Optional(CreateTaskExecutionBodySchema.properties.description),
    recurrence: Type.Optional(CreateTaskExecutionBodySchema.properties.recurrence),
    startAt: Type.Optional(Instant),
    endAt: Type.Optional(Instant),
    priority: Type.Optional(PrioritySchema),
    orderStepsRequired: Type.Optional(Type.Boolean()),
    strictTimeRequired: Type.Optional(Type.Boolean()),
    deadlined: Type.Optional(Type.Boolean()),
    tags: Type.Optional(CreateTaskExecutionBodySchema.properties.tags),
    steps: Type.Optional(CreateTaskExecutionBodySchema.properties.steps),
    published: Type.Optional(Type.Boolean()),
  },
  {
    $id: 'UpdateTaskExecutionBody',
    additionalProperties: false,
    minProperties: 1,
    description:
      'The fields to change, as in POST. With THIS, startAt/endAt are this occurrence’s window; with FOLLOWING, the window of the first occurrence of the new task; with ALL, the series’ first window as in POST. Moving only startAt keeps the duration. THIS cannot change steps or recurrence.',
  },
);
export type UpdateTaskExecutionBody = Static<typeof UpdateTaskExecutionBodySchema>;
export type EditScope = Static<typeof EditScopeSchema>;

export const TaskExecutionIdParamsSchema = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
