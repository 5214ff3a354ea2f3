import { Type, type Static } from 'typebox';

const NullableString = (maxLength: number, description?: string) =>
  Type.Union([Type.String({ maxLength }), Type.Null()], description ? { description } : {});
const Latitude = Type.Number({ minimum: -90, maximum: 90 });
const Longitude = Type.Number({ minimum: -180, maximum: 180 });

export const LocationSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    historyId: Type.Integer({
      description: 'The current version; executions record the version they were planned with.',
    }),
    name: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    address: Type.Union([Type.String(), Type.Null()]),
    latitude: Type.Union([Type.Number(), Type.Null()]),
    longitude: Type.Union([Type.Number(), Type.Null()]),
    timeZone: Type.String({
      description:
        'IANA time zone; recurring tasks keep their local time in it across DST changes.',
    }),
    archived: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Location', additionalProperties: false },
);
export type Location = Static<typeof LocationSchema>;

export const CreateLocationBodySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(NullableString(4000)),
    address: Type.Optional(NullableString(500)),
    latitude: Type.Optional(
      Type.Union([Latitude, Type.Null()], { description: 'Give latitude and longitude together.' }),
    ),
    longitude: Type.Optional(Type.Union([Longitude, Type.Null()])),
    timeZone: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'IANA time zone, e.g. Europe/Kyiv. Default: the organization’s.',
      }),
    ),
  },
  { $id: 'CreateLocationBody', additionalProperties: false },
);
export type CreateLocationBody = Static<typeof CreateLocationBodySchema>;

export const UpdateLocationBodySchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(NullableString(4000)),
    address: Type.Optional(NullableString(500)),
    latitude: Type.Optional(Type.Union([Latitude, Type.Null()])),
    longitude: Type.Optional(Type.Union([Longitude, Type.Null()])),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { $id: 'UpdateLocationBody', additionalProperties: false, minProperties: 1 },
);
export type UpdateLocationBody = Static<typeof UpdateLocationBodySchema>;

export const LocationVersionSchema = Type.Object(
  {
    historyId: Type.Integer(),
    location: LocationSchema,
    changedBy: Type.Union([Type.String(), Type.Null()], {
      description: 'Member id, or token:<id> for an API token.',
    }),
    createdAt: Type.String({ format: 'date-time', description: 'When this version began.' }),
  },
  { $id: 'LocationVersion', additionalProperties: false },
);

export const LocationIdParamsSchema = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

export const ListLocationsQuerySchema = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    includeArchived: Type.Optional(Type.Boolean({ default: false })),
    search: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Part of the name, any case.' }),
    ),
  },
  { additionalProperties: false },
);
