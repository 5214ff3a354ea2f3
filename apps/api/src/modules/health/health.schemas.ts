import { Type, type Static } from 'typebox';
import { StringEnum } from '../../shared/string-enum.js';

export const HealthSchema = Type.Object(
  {
    status: StringEnum(['OK', 'UNAVAILABLE'], {
      description: '`OK` when the server can serve requests.',
    }),
    version: Type.String({ description: 'The OpenPatrol server version.' }),
    uptimeInMillis: Type.Integer({ description: 'Time since this process started.' }),
    checkedAt: Type.String({ format: 'date-time', description: 'When this check ran.' }),
    database: Type.Object(
      {
        status: StringEnum(['OK', 'UNAVAILABLE'], {
          description: '`OK` when a query succeeded just now.',
        }),
        dialect: StringEnum(['SQLITE', 'POSTGRES']),
        latencyInMillis: Type.Union([Type.Number(), Type.Null()], {
          description: 'Round trip of a trivial query; null when it failed.',
        }),
      },
      { additionalProperties: false },
    ),
  },
  { $id: 'Health', additionalProperties: false },
);

export type Health = Static<typeof HealthSchema>;
