import { Type, type Static } from 'typebox';
import { RecurrenceSchema } from './task-executions.schemas.js';

const Instant = Type.String({
  format: 'date-time',
  description: 'ISO-8601 UTC with milliseconds.',
});
const WallTime = Type.String({
  description:
    'The wall-clock reading at the location, to the minute (YYYY-MM-DDTHH:mm), no offset.',
});

export const RecurrencePreviewBodySchema = Type.Object(
  {
    startAt: Type.String({
      format: 'date-time',
      description: 'The first occurrence’s start, as in POST /task-executions.',
    }),
    endAt: Type.String({
      format: 'date-time',
      description: 'The first occurrence’s end, as in POST /task-executions.',
    }),
    timeZone: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'The location’s IANA time zone, whose wall clock the rule follows.',
    }),
    recurrence: RecurrenceSchema,
    from: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'List occurrences starting at or after this instant (default: startAt).',
      }),
    ),
    count: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 50, default: 10, description: 'How many to list.' }),
    ),
  },
  { $id: 'RecurrencePreviewBody', additionalProperties: false },
);
export type RecurrencePreviewBody = Static<typeof RecurrencePreviewBodySchema>;

export const RecurrencePreviewSchema = Type.Object(
  {
    timeZone: Type.String(),
    occurrences: Type.Array(
      Type.Object(
        {
          startAt: Instant,
          endAt: Instant,
          localStartAt: WallTime,
          localEndAt: WallTime,
          utcOffset: Type.String({
            description: 'The zone’s UTC offset at the start, e.g. +02:00.',
          }),
        },
        { additionalProperties: false },
      ),
    ),
    hasMore: Type.Boolean({
      description:
        'Whether the series continues after the listed occurrences, within the look-ahead: ten years, or 86,400 repetitions of a secondly, minutely or hourly rule.',
    }),
  },
  { $id: 'RecurrencePreview', additionalProperties: false },
);
export type RecurrencePreview = Static<typeof RecurrencePreviewSchema>;
