import { Type, type Static, type TSchema } from 'typebox';
import { StringEnum } from '../../shared/string-enum.js';

const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ExecutionsSummaryQuerySchema = Type.Object(
  {
    days: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 31,
        default: 14,
        description: 'How many days to count, today included (14 by default).',
      }),
    ),
    locationIds: Type.Optional(
      Type.String({
        maxLength: 37_000,
        description:
          'Only these locations: ids separated by commas. All the caller sees by default.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ExecutionsSummaryQuery = Static<typeof ExecutionsSummaryQuerySchema>;

const counts = {
  total: Type.Integer({ description: 'Executions planned for the day, canceled ones left out.' }),
  planned: Type.Integer({ description: 'Not started, window not ended yet.' }),
  inProgress: Type.Integer({ description: 'Started, window not ended yet.' }),
  completed: Type.Integer(),
  incomplete: Type.Integer({ description: 'Closed without completion (gave up, deadline).' }),
  expired: Type.Integer({
    description: 'Window ended and nobody finished it (never started, or still in progress).',
  }),
  warnings: Type.Integer({ description: 'Executions whose status is WARNING.' }),
  errors: Type.Integer({ description: 'Executions whose status is ERROR.' }),
  lateStarts: Type.Integer({ description: 'Executions started after their window opened.' }),
};

export const DaySummarySchema = Type.Object(
  {
    date: Type.String({
      format: 'date',
      description:
        'The local date. Days are each location’s own: with locations in several zones, the date of the zone whose day is furthest on.',
    }),
    daysAgo: Type.Integer({ minimum: 0, description: '0 for today.' }),
    ...counts,
  },
  { $id: 'DaySummary', additionalProperties: false },
);
export type DaySummary = Static<typeof DaySummarySchema>;

export const ExecutionSummaryItemSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    locationId: Uuid,
    startAt: Instant,
    endAt: Instant,
    state: StringEnum(['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'INCOMPLETE', 'CANCELED']),
    status: Nullable(StringEnum(['OK', 'WARNING', 'ERROR'])),
    startedAt: Nullable(Instant),
    endedAt: Nullable(Instant),
    lateStart: Nullable(Type.Boolean()),
    expired: Type.Boolean(),
    warningCount: Type.Integer(),
    errorCount: Type.Integer(),
  },
  {
    $id: 'ExecutionSummaryItem',
    additionalProperties: false,
    description: 'An execution in brief; GET /task-executions/{id} has all of it.',
  },
);
export type ExecutionSummaryItem = Static<typeof ExecutionSummaryItemSchema>;

const list = (description: string) =>
  Type.Object(
    {
      total: Type.Integer({ description: 'How many there are; items holds the first ones.' }),
      items: Type.Array(ExecutionSummaryItemSchema),
    },
    { additionalProperties: false, description },
  );

export const ExecutionsSummarySchema = Type.Object(
  {
    generatedAt: Instant,
    locations: Type.Array(
      Type.Object(
        {
          id: Uuid,
          name: Type.String(),
          timeZone: Type.String(),
          today: Type.String({ format: 'date', description: 'Today’s date in its zone.' }),
        },
        { additionalProperties: false },
      ),
      { description: 'The locations counted (archived ones left out).' },
    ),
    days: Type.Array(DaySummarySchema, { description: 'Oldest first; the last one is today.' }),
    needsAttention: list(
      'Today’s executions with an error or warning, a late start, or missed: newest first.',
    ),
    inProgress: list('Today’s executions being performed now, by planned start.'),
    upcoming: list('Today’s executions not started whose window has not ended, soonest first.'),
  },
  { $id: 'ExecutionsSummary', additionalProperties: false },
);
export type ExecutionsSummary = Static<typeof ExecutionsSummarySchema>;
