import { Type, type Static, type TSchema } from 'typebox';
import { StringEnum } from '../../shared/string-enum.js';

const Nullable = <T extends TSchema>(schema: T, description?: string) =>
  Type.Union([schema, Type.Null()], description ? { description } : {});
const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({
  format: 'date-time',
  description: 'ISO-8601 UTC with milliseconds.',
});

export const ISSUE_CATEGORIES = [
  'INTRUSION',
  'DAMAGE',
  'FIRE',
  'SAFETY',
  'MAINTENANCE',
  'CLEANING',
  'MEDICAL',
  'OTHER',
] as const;
/** Lowest first: `severityAtLeast` compares by this order. */
export const ISSUE_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export const ISSUE_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const;

export const IssueCategorySchema = StringEnum([...ISSUE_CATEGORIES], {
  $id: 'IssueCategory',
  description: 'What kind of incident or defect it is.',
});
export const IssueSeveritySchema = StringEnum([...ISSUE_SEVERITIES], {
  $id: 'IssueSeverity',
  description: 'How urgent it is, from LOW to CRITICAL.',
});
export const IssueStatusSchema = StringEnum([...ISSUE_STATUSES], {
  $id: 'IssueStatus',
  description:
    'OPEN when reported; ACKNOWLEDGED once a supervisor took it on; RESOLVED when dealt with. ' +
    'OPEN → ACKNOWLEDGED → RESOLVED, OPEN → RESOLVED, and RESOLVED → OPEN (reopen, with a comment).',
});

export const IssuePositionSchema = Type.Object(
  {
    latitude: Type.Number({ minimum: -90, maximum: 90 }),
    longitude: Type.Number({ minimum: -180, maximum: 180 }),
    accuracyInMeters: Nullable(
      Type.Number({ minimum: 0, maximum: 100_000 }),
      'The radius of the fix’s uncertainty, as the device reported it.',
    ),
  },
  {
    $id: 'IssuePosition',
    additionalProperties: false,
    description: 'Where the device was when the issue was reported.',
  },
);
export type IssuePosition = Static<typeof IssuePositionSchema>;

/** The body's position: the accuracy may be left out when the source has none. */
const IssuePositionBodySchema = Type.Object(
  {
    latitude: IssuePositionSchema.properties.latitude,
    longitude: IssuePositionSchema.properties.longitude,
    accuracyInMeters: Type.Optional(IssuePositionSchema.properties.accuracyInMeters),
  },
  { additionalProperties: false },
);

const issueFields = {
  id: Uuid,
  number: Type.Integer({
    minimum: 1,
    description: 'Sequential in the organization, from 1: what people call it ("#42").',
  }),
  locationId: Uuid,
  pointId: Nullable(Uuid, 'The point the issue was found at, if any.'),
  taskExecutionId: Nullable(Uuid, 'The execution during which it was reported, if any.'),
  category: IssueCategorySchema,
  severity: IssueSeveritySchema,
  title: Type.String(),
  description: Nullable(Type.String()),
  status: IssueStatusSchema,
  position: Nullable(IssuePositionSchema),
  mediaIds: Type.Array(Uuid, { description: 'Photos and other media attached to the report.' }),
  reportedByMemberId: Nullable(Uuid, 'The member who reported it; null when a token did.'),
  reportedByTokenId: Nullable(Uuid, 'The API token that reported it; null when a member did.'),
  clientId: Nullable(Uuid, 'The id the reporting device gave the report, if it gave one.'),
  occurredAt: Type.String({
    format: 'date-time',
    description: 'When it happened, by the reporting device’s clock.',
  }),
  createdAt: Type.String({
    format: 'date-time',
    description: 'When the server received the report.',
  }),
  updatedAt: Type.String({
    format: 'date-time',
    description: 'The last change of the issue, its status or its comments.',
  }),
  acknowledgedAt: Nullable(Instant),
  acknowledgedBy: Nullable(Type.String(), 'Member id, or token:<id> for an API token.'),
  resolvedAt: Nullable(Instant),
  resolvedBy: Nullable(Type.String(), 'Member id, or token:<id> for an API token.'),
};

export const IssueSchema = Type.Object(issueFields, { $id: 'Issue', additionalProperties: false });
export type Issue = Static<typeof IssueSchema>;

export const IssueCommentSchema = Type.Object(
  {
    id: Uuid,
    issueId: Uuid,
    authorMemberId: Nullable(Uuid),
    authorTokenId: Nullable(Uuid),
    body: Nullable(Type.String(), 'Null for a status change made without a remark.'),
    // No $id here: the serializer refuses one $id at two places of IssueDetails.
    statusChange: Nullable(
      StringEnum([...ISSUE_STATUSES]),
      'The status the issue moved to with this comment; null for a plain comment.',
    ),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'IssueComment', additionalProperties: false },
);
export type IssueComment = Static<typeof IssueCommentSchema>;

export const IssueDetailsSchema = Type.Object(
  {
    ...issueFields,
    comments: Type.Array(IssueCommentSchema, { description: 'Oldest first.' }),
  },
  { $id: 'IssueDetails', additionalProperties: false },
);
export type IssueDetails = Static<typeof IssueDetailsSchema>;

const Title = Type.String({ minLength: 1, maxLength: 200 });
const Description = Type.String({ maxLength: 10_000 });
const CommentBody = Type.String({ minLength: 1, maxLength: 10_000 });

export const CreateIssueBodySchema = Type.Object(
  {
    locationId: Type.String({
      format: 'uuid',
      description: 'A location the caller sees: performers report at their assigned locations.',
    }),
    pointId: Type.Optional(Nullable(Uuid, 'A point of that location.')),
    taskExecutionId: Type.Optional(Nullable(Uuid)),
    category: IssueCategorySchema,
    severity: IssueSeveritySchema,
    title: Title,
    description: Type.Optional(Nullable(Description)),
    position: Type.Optional(Nullable(IssuePositionBodySchema)),
    mediaIds: Type.Optional(
      Type.Array(Uuid, {
        maxItems: 50,
        uniqueItems: true,
        description: 'Media uploaded to this organization beforehand.',
      }),
    ),
    occurredAt: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'Device time of the incident; now when left out.',
      }),
    ),
    clientId: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          'A UUID the device generates once per report: sending the report again with it (an offline retry) answers 200 with the issue created the first time.',
      }),
    ),
  },
  { $id: 'CreateIssueBody', additionalProperties: false },
);
export type CreateIssueBody = Static<typeof CreateIssueBodySchema>;

export const UpdateIssueBodySchema = Type.Object(
  {
    status: Type.Optional(IssueStatusSchema),
    severity: Type.Optional(IssueSeveritySchema),
    category: Type.Optional(IssueCategorySchema),
    comment: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 10_000,
        description: 'Added to the issue’s comments; required to reopen a RESOLVED issue.',
      }),
    ),
  },
  { $id: 'UpdateIssueBody', additionalProperties: false, minProperties: 1 },
);
export type UpdateIssueBody = Static<typeof UpdateIssueBodySchema>;

export const CreateIssueCommentBodySchema = Type.Object(
  { body: CommentBody },
  { $id: 'CreateIssueCommentBody', additionalProperties: false },
);
export type CreateIssueCommentBody = Static<typeof CreateIssueCommentBodySchema>;

export const IssueIdParamsSchema = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

const listOf = (description: string, maxLength = 200) =>
  Type.Optional(Type.String({ maxLength, description }));

export const ListIssuesQuerySchema = Type.Object(
  {
    status: listOf('Only these statuses, separated by commas (OPEN, ACKNOWLEDGED, RESOLVED).'),
    severity: listOf('Only these severities, separated by commas (LOW, MEDIUM, HIGH, CRITICAL).'),
    severityAtLeast: Type.Optional(
      StringEnum([...ISSUE_SEVERITIES], {
        description: 'Only issues at least this severe (HIGH: HIGH and CRITICAL).',
      }),
    ),
    category: listOf('Only these categories, separated by commas.'),
    search: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          'Text in the title or description, in any case; a number (42 or #42) also finds that issue.',
      }),
    ),
    locationIds: listOf('Only issues at these locations: ids separated by commas.', 37_000),
    updatedSince: Type.Optional(
      Type.String({
        format: 'date-time',
        description:
          'Only issues changed (status, fields or comments) after this instant: poll with the time of your previous poll.',
      }),
    ),
    from: Type.Optional(
      Type.String({ format: 'date-time', description: 'Only issues received at or after this.' }),
    ),
    to: Type.Optional(
      Type.String({ format: 'date-time', description: 'Only issues received before this.' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    cursor: Type.Optional(
      Type.String({ maxLength: 500, description: 'From the Link header of the previous page.' }),
    ),
  },
  { additionalProperties: false },
);
export type ListIssuesQuery = Static<typeof ListIssuesQuerySchema>;
