import { Type, type Static } from 'typebox';
import { StringEnum } from '../../shared/string-enum.js';

const Uuid = Type.String({ format: 'uuid' });

export const AuditLogEntrySchema = Type.Object(
  {
    id: Uuid,
    occurredAt: Type.String({ format: 'date-time', description: 'When the change succeeded.' }),
    actor: Type.Object(
      {
        type: StringEnum(['MEMBER', 'TOKEN'], {
          description: 'A member in the admin app, or an External API token.',
        }),
        id: Type.String({ description: 'The member’s or the API token’s id.' }),
        name: Type.Union([Type.String(), Type.Null()], {
          description: 'Their name when they acted.',
        }),
      },
      { additionalProperties: false },
    ),
    operationId: Type.String({ description: 'The API operation, e.g. updateLocation.' }),
    method: Type.String(),
    path: Type.String({ description: 'The request path, without the query string.' }),
    statusCode: Type.Integer(),
    resourceType: Type.String({
      description: 'The collection the change applies to, as in the path: locations, users, …',
    }),
    resourceId: Type.Union([Type.String(), Type.Null()], {
      description: 'The resource changed or created, when the request names or returns one.',
    }),
    summary: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], {
      description:
        'The fields sent, with passwords, secrets, tokens and PINs replaced by "[redacted]" and long values shortened.',
    }),
    ip: Type.Union([Type.String(), Type.Null()]),
    userAgent: Type.Union([Type.String(), Type.Null()]),
    requestId: Type.String(),
  },
  { $id: 'AuditLogEntry', additionalProperties: false },
);
export type AuditLogEntry = Static<typeof AuditLogEntrySchema>;

export const ListAuditLogQuerySchema = Type.Object(
  {
    from: Type.Optional(
      Type.String({ format: 'date-time', description: 'Entries at or after this instant.' }),
    ),
    to: Type.Optional(
      Type.String({ format: 'date-time', description: 'Entries before this instant.' }),
    ),
    actorId: Type.Optional(
      Type.String({ maxLength: 100, description: 'Only this member’s or API token’s actions.' }),
    ),
    resourceType: Type.Optional(
      Type.String({
        pattern: '^[a-z][a-z-]{0,49}$',
        description: 'Only changes to this collection (locations, points, users, …).',
      }),
    ),
    resourceId: Type.Optional(
      Type.String({ maxLength: 100, description: 'Only changes to this resource.' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    cursor: Type.Optional(
      Type.String({ format: 'uuid', description: 'From the `Link` header of the previous page.' }),
    ),
  },
  { additionalProperties: false },
);
export type ListAuditLogQuery = Static<typeof ListAuditLogQuerySchema>;
