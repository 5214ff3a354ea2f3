import { Type, type Static } from 'typebox';
import { StringEnum } from '../../shared/string-enum.js';

const Uuid = Type.String({ format: 'uuid' });

export const ALERT_TRIGGERS = [
  'EXECUTION_EXPIRED',
  'LATE_START',
  'COMPLETED_WITH_ERRORS',
  'ISSUE_SEVERITY',
  'PANIC',
] as const;

const EscalationStepSchema = Type.Object(
  {
    afterMinutes: Type.Integer({
      minimum: 0,
      maximum: 10_080,
      description: 'Minutes after the alert was raised; the first step is usually 0.',
    }),
    memberIds: Type.Array(Uuid, { minItems: 1, maxItems: 50, uniqueItems: true }),
  },
  { additionalProperties: false },
);

const ruleFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  trigger: StringEnum([...ALERT_TRIGGERS], {
    description:
      'EXECUTION_EXPIRED: a window ended unperformed (a missed patrol). LATE_START: started more than threshold minutes late. COMPLETED_WITH_ERRORS. ISSUE_SEVERITY: an issue of threshold severity or worse. PANIC: a performer pressed the panic button.',
  }),
  threshold: Type.Optional(
    Type.Union([Type.String({ maxLength: 20 }), Type.Null()], {
      description:
        'LATE_START: minutes (e.g. "15"); ISSUE_SEVERITY: LOW, MEDIUM, HIGH or CRITICAL.',
    }),
  ),
  locationIds: Type.Optional(
    Type.Union([Type.Array(Uuid, { maxItems: 500, uniqueItems: true }), Type.Null()]),
  ),
  escalation: Type.Array(EscalationStepSchema, {
    minItems: 1,
    maxItems: 10,
    description:
      'Who is told, step by step, until someone acknowledges: each step by e-mail after its minutes.',
  }),
};

export const CreateAlertRuleBodySchema = Type.Object(ruleFields, {
  $id: 'CreateAlertRuleBody',
  additionalProperties: false,
});
export type CreateAlertRuleBody = Static<typeof CreateAlertRuleBodySchema>;

export const AlertRuleSchema = Type.Object(
  {
    id: Uuid,
    ...ruleFields,
    threshold: Type.Union([Type.String(), Type.Null()]),
    locationIds: Type.Union([Type.Array(Uuid), Type.Null()]),
    enabled: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'AlertRule', additionalProperties: false },
);
export type AlertRule = Static<typeof AlertRuleSchema>;

export const AlertSchema = Type.Object(
  {
    id: Uuid,
    ruleId: Uuid,
    trigger: Type.String(),
    locationId: Type.Union([Uuid, Type.Null()]),
    subjectType: Type.String({ description: 'TASK_EXECUTION, ISSUE or MEMBER.' }),
    subjectId: Uuid,
    title: Type.String(),
    detail: Type.Union([Type.String(), Type.Null()]),
    status: StringEnum(['OPEN', 'ACKNOWLEDGED']),
    level: Type.Integer({ description: 'The escalation step reached, from 0.' }),
    createdAt: Type.String({ format: 'date-time' }),
    acknowledgedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    acknowledgedBy: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Alert', additionalProperties: false },
);
export type Alert = Static<typeof AlertSchema>;

export const PanicBodySchema = Type.Object(
  {
    locationId: Uuid,
    message: Type.Optional(Type.String({ maxLength: 1000 })),
    position: Type.Optional(
      Type.Object(
        {
          latitude: Type.Number({ minimum: -90, maximum: 90 }),
          longitude: Type.Number({ minimum: -180, maximum: 180 }),
          accuracyInMeters: Type.Number({ minimum: 0 }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { $id: 'PanicBody', additionalProperties: false },
);
export type PanicBody = Static<typeof PanicBodySchema>;
