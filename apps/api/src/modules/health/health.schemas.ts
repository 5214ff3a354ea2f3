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

export const LivenessSchema = Type.Object(
  {
    status: StringEnum(['OK'], { description: 'Always `OK`: the process answers.' }),
    version: Type.String({ description: 'The OpenPatrol server version.' }),
    uptimeInMillis: Type.Integer({ description: 'Time since this process started.' }),
  },
  { $id: 'Liveness', additionalProperties: false },
);

export type Liveness = Static<typeof LivenessSchema>;

export const ReadinessCheckSchema = Type.Object(
  {
    name: Type.String({
      description:
        'What was checked: `database`, `migrations`, `worker` (when this process runs background jobs), or another dependency this process was configured with.',
    }),
    status: StringEnum(['OK', 'FAILED']),
    detail: Type.Union([Type.String(), Type.Null()], {
      description: 'Why the check failed, for operators; null when it passed.',
    }),
  },
  { $id: 'ReadinessCheck', additionalProperties: false },
);

export const ReadinessSchema = Type.Object(
  {
    status: StringEnum(['READY', 'NOT_READY'], {
      description: '`READY` when every check passed.',
    }),
    checkedAt: Type.String({ format: 'date-time', description: 'When these checks ran.' }),
    checks: Type.Array(ReadinessCheckSchema),
  },
  { $id: 'Readiness', additionalProperties: false },
);

export type Readiness = Static<typeof ReadinessSchema>;
export type ReadinessCheckResult = Static<typeof ReadinessCheckSchema>;
