import type { Schemas } from '@openpatrol/api-client';
import type { ExecutionAction } from './local-execution.js';

/**
 * The rules an action's form checks before sending: the definition's limits and choices.
 *
 * The seed's `ExecutionAction` carries only `minValue`/`maxValue` of the definition; the rest
 * (options, text limits, camera-only, instruction text) comes from
 * `GET /task-executions/{id}/plan`, kept on the device. Before it is loaded each form lets the
 * server judge: it refuses a wrong value naming the rule, and the form shows that answer.
 */
export type ActionRules = Pick<
  Schemas['NormalizedActionDefinition'],
  | 'description'
  | 'minValue'
  | 'maxValue'
  | 'maxLength'
  | 'regex'
  | 'cameraOnly'
  | 'maxCount'
  | 'options'
>;

export function rulesOf(
  action: ExecutionAction,
  definition?: Schemas['NormalizedActionDefinition'],
): ActionRules {
  if (definition)
    return {
      description: definition.description,
      minValue: definition.minValue,
      maxValue: definition.maxValue,
      maxLength: definition.maxLength,
      regex: definition.regex,
      cameraOnly: definition.cameraOnly,
      maxCount: definition.maxCount,
      options: definition.options,
    };
  // Not loaded yet (first visit while offline): the server judges, as before.
  return {
    description: null,
    minValue: action.minValue,
    maxValue: action.maxValue,
    maxLength: null,
    regex: null,
    cameraOnly: null,
    maxCount: null,
    options: null,
  };
}

/** The same test the server applies to TEXT answers: the whole answer must match. */
export function checkText(text: string, rules: ActionRules): string | null {
  if (rules.maxLength !== null && [...text].length > rules.maxLength)
    return `At most ${rules.maxLength} characters (now ${[...text].length}).`;
  if (rules.regex !== null) {
    try {
      if (!new RegExp(`^(?:${rules.regex})$`, 'u').test(text))
        return `Does not match the expected format ${rules.regex}.`;
    } catch {
      return null;
    }
  }
  return null;
}

/** NUMBER answers outside the range are accepted and flagged: the performer is told before. */
export function describeRange(rules: ActionRules): string | null {
  const { minValue, maxValue } = rules;
  if (minValue !== null && maxValue !== null) return `Expected ${minValue} – ${maxValue}`;
  if (minValue !== null) return `Expected at least ${minValue}`;
  if (maxValue !== null) return `Expected at most ${maxValue}`;
  return null;
}

export function isOutOfRange(value: number, rules: ActionRules): boolean {
  return (
    (rules.minValue !== null && value < rules.minValue) ||
    (rules.maxValue !== null && value > rules.maxValue)
  );
}
