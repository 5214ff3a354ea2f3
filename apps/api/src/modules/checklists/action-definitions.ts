import { Type, type Static } from 'typebox';
import type { FieldError } from '../../shared/app-error.js';
import { StringEnum } from '../../shared/string-enum.js';

/**
 * What a checklist item asks of the performer. The same definition is used by checklist
 * templates, a point's default on-demand actions and (copied) by task steps; field names follow
 * the External API guide's task body (`name`, `type`, `order`, `required`, `minValue`, `maxValue`).
 */

export const ActionTypeSchema = StringEnum(
  ['BOOLEAN', 'NUMBER', 'TEXT', 'MEDIA', 'SELECT', 'MULTISELECT', 'INSTRUCTION'],
  {
    $id: 'ActionType',
  },
);
const ALERT_LEVELS: ['WARNING', 'ERROR'] = ['WARNING', 'ERROR'];
export const AlertLevelSchema = StringEnum(ALERT_LEVELS, {
  $id: 'AlertLevel',
  description:
    'How a result is flagged: WARNING or ERROR counts towards the execution’s warningCount / errorCount.',
});
/**
 * The same values without the `$id`: an action holds its own alert level and its options', and
 * the response serializer (fast-json-stringify) refuses one `$id` at two places of a schema.
 */
const OptionAlertLevelSchema = StringEnum(ALERT_LEVELS);

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(
  schema: T,
  description?: string,
) => Type.Optional(Type.Union([schema, Type.Null()], description ? { description } : {}));

export const ActionOptionSchema = Type.Object(
  {
    value: Type.String({ minLength: 1, maxLength: 200 }),
    alertLevel: Nullable(
      OptionAlertLevelSchema,
      'Choosing this option raises an alert of this level (WARNING or ERROR).',
    ),
  },
  { $id: 'ActionOption', additionalProperties: false },
);

export const ActionDefinitionSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    type: ActionTypeSchema,
    order: Type.Integer({
      minimum: 0,
      maximum: 10_000,
      description: 'Position in the list; unique within it.',
    }),
    required: Type.Boolean({
      description: 'Must have a value at finish. Never true for INSTRUCTION.',
    }),
    description: Nullable(
      Type.String({ maxLength: 4000 }),
      'Help text; for INSTRUCTION, the instruction itself.',
    ),
    alertLevel: Nullable(
      AlertLevelSchema,
      'BOOLEAN: alert when the answer equals alertValue. NUMBER: alert when out of range.',
    ),
    alertValue: Nullable(
      Type.Boolean(),
      'BOOLEAN: the answer that raises the alert (default false).',
    ),
    minValue: Nullable(Type.Number(), 'NUMBER: lowest accepted value without an alert.'),
    maxValue: Nullable(Type.Number(), 'NUMBER: highest accepted value without an alert.'),
    maxLength: Nullable(
      Type.Integer({ minimum: 1, maximum: 10_000 }),
      'TEXT: longest accepted answer.',
    ),
    regex: Nullable(
      Type.String({ maxLength: 500 }),
      'TEXT: a JavaScript regular expression the whole answer must match.',
    ),
    cameraOnly: Nullable(
      Type.Boolean(),
      'MEDIA: photos must be taken with the camera, not picked from the gallery.',
    ),
    minCount: Nullable(Type.Integer({ minimum: 0, maximum: 50 }), 'MEDIA: fewest files.'),
    maxCount: Nullable(Type.Integer({ minimum: 1, maximum: 50 }), 'MEDIA: most files.'),
    options: Nullable(
      Type.Array(ActionOptionSchema, { maxItems: 100 }),
      'SELECT / MULTISELECT: the choices, in order.',
    ),
  },
  { $id: 'ActionDefinition', additionalProperties: false },
);
export type ActionDefinition = Static<typeof ActionDefinitionSchema>;

export const NormalizedActionOptionSchema = Type.Required(ActionOptionSchema, {
  $id: 'NormalizedActionOption',
  additionalProperties: false,
});

/**
 * An action definition as stored and returned: every field present (null when unset), so
 * readers never have to tell a missing key from an absent value.
 */
export const NormalizedActionDefinitionSchema = Type.Object(
  {
    ...Type.Required(ActionDefinitionSchema).properties,
    options: Type.Union([Type.Array(NormalizedActionOptionSchema), Type.Null()], {
      description: 'SELECT / MULTISELECT: the choices, in order; null for other types.',
    }),
  },
  { $id: 'NormalizedActionDefinition', additionalProperties: false },
);
export type NormalizedAction = Static<typeof NormalizedActionDefinitionSchema>;

/** Options that only make sense for some types; anything else set on another type is a mistake. */
const OPTIONS_BY_TYPE: Record<ActionDefinition['type'], readonly (keyof ActionDefinition)[]> = {
  BOOLEAN: ['alertLevel', 'alertValue'],
  NUMBER: ['alertLevel', 'minValue', 'maxValue'],
  TEXT: ['maxLength', 'regex'],
  MEDIA: ['cameraOnly', 'minCount', 'maxCount'],
  SELECT: ['options'],
  MULTISELECT: ['options'],
  INSTRUCTION: [],
};
const TYPE_SPECIFIC: readonly (keyof ActionDefinition)[] = [
  ...new Set(Object.values(OPTIONS_BY_TYPE).flat()),
];

/**
 * The rules across fields that a schema cannot express, as field errors under `pointer`
 * (e.g. `/actions`): min ≤ max, a regex that compiles, options present and unique, an
 * instruction never required, orders unique, and no option that does not belong to the type.
 */
export function validateActionDefinitions(
  actions: readonly ActionDefinition[],
  pointer: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (index: number, field: string, detail: string) =>
    errors.push({ in: 'body', pointer: `${pointer}/${index}${field ? `/${field}` : ''}`, detail });

  const seenOrders = new Map<number, number>();
  actions.forEach((action, index) => {
    // Later duplicates all point back at the first action with that order.
    const earlier = seenOrders.get(action.order);
    if (earlier !== undefined)
      fail(index, 'order', `is the same as action ${earlier}'s; orders must be unique`);
    else seenOrders.set(action.order, index);

    for (const field of TYPE_SPECIFIC) {
      if (
        action[field] !== undefined &&
        action[field] !== null &&
        !OPTIONS_BY_TYPE[action.type].includes(field)
      ) {
        fail(index, field, `does not apply to a ${action.type} action`);
      }
    }

    switch (action.type) {
      case 'INSTRUCTION':
        if (action.required)
          fail(index, 'required', 'must be false: an instruction takes no value');
        break;
      case 'NUMBER':
        if (
          action.minValue != null &&
          action.maxValue != null &&
          action.minValue > action.maxValue
        ) {
          fail(index, 'minValue', `must not be greater than maxValue (${action.maxValue})`);
        }
        break;
      case 'TEXT':
        if (action.regex != null) {
          try {
            new RegExp(action.regex, 'u');
          } catch (error) {
            fail(index, 'regex', `is not a valid regular expression: ${(error as Error).message}`);
          }
        }
        break;
      case 'MEDIA':
        if (
          action.minCount != null &&
          action.maxCount != null &&
          action.minCount > action.maxCount
        ) {
          fail(index, 'minCount', `must not be greater than maxCount (${action.maxCount})`);
        }
        break;
      case 'SELECT':
      case 'MULTISELECT': {
        const options = action.options ?? [];
        if (options.length === 0)
          fail(index, 'options', `must list at least one choice for a ${action.type} action`);
        const seen = new Set<string>();
        options.forEach((option, optionIndex) => {
          const key = option.value.trim().toLowerCase();
          if (key === '') fail(index, `options/${optionIndex}/value`, 'must not be blank');
          else if (seen.has(key))
            fail(
              index,
              `options/${optionIndex}/value`,
              `repeats "${option.value}"; choices must be unique`,
            );
          seen.add(key);
        });
        break;
      }
      case 'BOOLEAN':
        break;
    }
  });
  return errors;
}

/** The stored form: every option key present (null when unset) and the list in order. */
export function normalizeActionDefinitions(
  actions: readonly ActionDefinition[],
): NormalizedAction[] {
  return [...actions]
    .sort((a, b) => a.order - b.order)
    .map((action) => ({
      name: action.name,
      type: action.type,
      order: action.order,
      required: action.type === 'INSTRUCTION' ? false : action.required,
      description: action.description ?? null,
      alertLevel: action.alertLevel ?? null,
      alertValue:
        action.type === 'BOOLEAN' && action.alertLevel
          ? (action.alertValue ?? false)
          : (action.alertValue ?? null),
      minValue: action.minValue ?? null,
      maxValue: action.maxValue ?? null,
      maxLength: action.maxLength ?? null,
      regex: action.regex ?? null,
      cameraOnly:
        action.type === 'MEDIA' ? (action.cameraOnly ?? false) : (action.cameraOnly ?? null),
      minCount: action.minCount ?? null,
      maxCount: action.maxCount ?? null,
      options: action.options
        ? action.options.map((option) => ({
            value: option.value,
            alertLevel: option.alertLevel ?? null,
          }))
        : null,
    }));
}
