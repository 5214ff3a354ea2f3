import { Type, type Static } from 'typebox';
import { StringEnum } from '../../shared/string-enum.js';

const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time' });

const scheduleFields = {
  name: Type.String({ minLength: 1, maxLength: 200, description: 'E.g. "Harbour Gate — daily".' }),
  frequency: StringEnum(['DAILY', 'WEEKLY'], {
    description:
      'DAILY: each day, the previous day’s executions. WEEKLY: on `weekday`, the previous seven days’.',
  }),
  weekday: Type.Optional(
    Type.Union([Type.Integer({ minimum: 1, maximum: 7 }), Type.Null()], {
      description: 'WEEKLY only: 1 (Monday) to 7 (Sunday).',
    }),
  ),
  hour: Type.Integer({
    minimum: 0,
    maximum: 23,
    description: 'The local hour the report is sent at, in `timeZone`.',
  }),
  timeZone: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 64,
      description:
        'IANA zone whose days the periods follow and whose hour the report is sent at; the organization’s when absent.',
    }),
  ),
  locationIds: Type.Optional(
    Type.Union([Type.Array(Uuid, { maxItems: 500, uniqueItems: true }), Type.Null()], {
      description: 'The locations reported on; null or absent for every location you see.',
    }),
  ),
  format: StringEnum(['pdf', 'xlsx', 'csv'], { description: 'The attached file.' }),
  recipients: Type.Array(Type.String({ format: 'email', maxLength: 254 }), {
    minItems: 1,
    maxItems: 20,
    uniqueItems: true,
    description: 'Who receives it, e.g. the location’s client; each gets their own e-mail.',
  }),
  enabled: Type.Optional(Type.Boolean()),
};

export const CreateReportScheduleBodySchema = Type.Object(scheduleFields, {
  $id: 'CreateReportScheduleBody',
  additionalProperties: false,
});
export type CreateReportScheduleBody = Static<typeof CreateReportScheduleBodySchema>;

export const UpdateReportScheduleBodySchema = Type.Partial(
  Type.Object(scheduleFields, { additionalProperties: false }),
  { $id: 'UpdateReportScheduleBody', additionalProperties: false, minProperties: 1 },
);
export type UpdateReportScheduleBody = Static<typeof UpdateReportScheduleBodySchema>;

export const ReportScheduleSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    frequency: StringEnum(['DAILY', 'WEEKLY']),
    weekday: Type.Union([Type.Integer(), Type.Null()]),
    hour: Type.Integer(),
    timeZone: Type.String(),
    locationIds: Type.Union([Type.Array(Uuid), Type.Null()]),
    format: StringEnum(['pdf', 'xlsx', 'csv']),
    recipients: Type.Array(Type.String()),
    enabled: Type.Boolean(),
    memberId: Type.String({
      format: 'uuid',
      description: 'Whose view the report is made with: their role and locations when it is sent.',
    }),
    nextRunAt: Type.Union([Instant, Type.Null()], {
      description: 'When the next report goes out; null while disabled.',
    }),
    lastSentAt: Type.Union([Instant, Type.Null()]),
    lastError: Type.Union([Type.String(), Type.Null()]),
    createdAt: Instant,
    updatedAt: Instant,
  },
  { $id: 'ReportSchedule', additionalProperties: false },
);
export type ReportSchedule = Static<typeof ReportScheduleSchema>;
