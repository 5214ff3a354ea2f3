import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { describeSchemaErrors } from '../../shared/validation.js';
import {
  CreateTaskExecutionBodySchema,
  ExecutionActionSchema,
  ExecutionStepSchema,
  TaskExecutionInfoSchema,
} from './task-executions.schemas.js';

/**
 * The External API guide's two examples, copied verbatim from shared/seed into seed-contract.json,
 * against our schemas. Both schemas forbid unknown keys and require every key, so the guide's
 * examples passing means: no key of theirs is missing from ours, and ours has none they lack.
 */
const seed = JSON.parse(readFileSync(new URL('seed-contract.json', import.meta.url), 'utf8')) as {
  createTaskExecutionBody: unknown;
  taskExecutionsInfoResponse: unknown[];
};

function violationsOf(schema: TSchema, value: unknown) {
  return describeSchemaErrors([...Compile(schema).Errors(value)]);
}

describe('the External API guide’s contract', () => {
  it('accepts the guide’s POST /task-executions body as it is', () => {
    assert.deepEqual(violationsOf(CreateTaskExecutionBodySchema, seed.createTaskExecutionBody), []);
  });

  it('describes the guide’s GET /task-executions/info items exactly: no key missing, none extra', () => {
    assert.equal(seed.taskExecutionsInfoResponse.length, 1);
    assert.deepEqual(violationsOf(TaskExecutionInfoSchema, seed.taskExecutionsInfoResponse[0]), []);
  });

  it('requires every key the guide shows, so a response can never omit one', () => {
    const item = seed.taskExecutionsInfoResponse[0] as Record<string, unknown>;
    for (const key of Object.keys(item)) {
      const withoutKey = { ...item };
      delete withoutKey[key];
      assert.ok(
        violationsOf(TaskExecutionInfoSchema, withoutKey).some(
          (violation) => violation.pointer === `/${key}`,
        ),
        key,
      );
    }
  });

  it('has the same keys as the guide at every level of an execution, its steps and their actions', () => {
    const item = seed.taskExecutionsInfoResponse[0] as { steps: { actions: object[] }[] };
    const step = item.steps[0]!;
    const sorted = (keys: Iterable<string>) => [...keys].sort();
    assert.deepEqual(
      sorted(Object.keys(TaskExecutionInfoSchema.properties)),
      sorted(Object.keys(item)),
    );
    assert.deepEqual(
      sorted(Object.keys(ExecutionStepSchema.properties)),
      sorted(Object.keys(step)),
    );
    assert.deepEqual(
      sorted(Object.keys(ExecutionActionSchema.properties)),
      sorted(Object.keys(step.actions[0]!)),
    );
  });

  it('refuses a body with a field the guide does not have, naming it', () => {
    const body = { ...(seed.createTaskExecutionBody as object), colour: 'red' };
    assert.deepEqual(violationsOf(CreateTaskExecutionBodySchema, body), [
      { pointer: '/colour', detail: 'is not a known field' },
    ]);
  });
});
