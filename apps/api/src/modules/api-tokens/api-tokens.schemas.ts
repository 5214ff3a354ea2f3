import { Type, type Static } from 'typebox';
import { StringEnum } from '../../shared/string-enum.js';

export const ApiTokenSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String({ description: 'What the token is for, e.g. "CRM integration".' }),
    prefix: Type.String({
      description:
        'The first characters of the token, to recognise it; the rest is never shown again.',
    }),
    status: StringEnum(['ACTIVE', 'EXPIRED', 'REVOKED']),
    createdById: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
      description: 'The Owner who created it; null when created from the command line.',
    }),
    createdByName: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description: 'Updated at most once a minute.',
    }),
    expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'ApiToken', additionalProperties: false },
);
export type ApiToken = Static<typeof ApiTokenSchema>;

export const CreatedApiTokenSchema = Type.Object(
  {
    ...ApiTokenSchema.properties,
    token: Type.String({
      description: 'The full token. Shown this once: copy it now; only its hash is stored.',
    }),
  },
  { $id: 'CreatedApiToken', additionalProperties: false },
);

export const CreateApiTokenBodySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    expiresAt: Type.Optional(
      Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
        description: 'When the token stops working; null or absent for never.',
      }),
    ),
  },
  { $id: 'CreateApiTokenBody', additionalProperties: false },
);
export type CreateApiTokenBody = Static<typeof CreateApiTokenBodySchema>;

export const ApiTokenIdParamsSchema = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
