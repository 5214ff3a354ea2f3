import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { describeSchemaErrors } from './validation.js';

const TaskBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 10 }),
    priority: Type.Enum(['LOW', 'NORMAL']),
    description: Type.Union([Type.String(), Type.Null()]),
    steps: Type.Array(
      Type.Object({ order: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
const check = Compile(TaskBody);
const describe_ = (value: unknown) => describeSchemaErrors([...check.Errors(value)]);

describe('describeSchemaErrors', () => {
  it('names each missing field by its pointer', () => {
    assert.deepEqual(describe_({ name: 'a', priority: 'LOW', description: null }), [
      { pointer: '/steps', detail: 'is required' },
    ]);
  });

  it('names each unknown field, at any depth, once', () => {
    const violations = describe_({
      name: 'a',
      priority: 'LOW',
      description: null,
      steps: [{ order: 0, colour: 'red' }],
      extra: 1,
    });
    assert.deepEqual(violations.map((violation) => violation.pointer).sort(), [
      '/extra',
      '/steps/0/colour',
    ]);
    assert.ok(violations.every((violation) => violation.detail === 'is not a known field'));
  });

  it('says what type, value or range was expected', () => {
    const violations = describe_({
      name: '',
      priority: 'URGENT',
      description: null,
      steps: [{ order: -1 }],
    });
    assert.deepEqual(violations, [
      { pointer: '/name', detail: 'must be at least 1 characters long' },
      { pointer: '/priority', detail: 'must be one of "LOW", "NORMAL"' },
      { pointer: '/steps/0/order', detail: 'must be >= 0' },
    ]);
  });

  it('collapses a nullable field into one sentence instead of one error per branch', () => {
    assert.deepEqual(describe_({ name: 'a', priority: 'LOW', description: 42, steps: [] }), [
      { pointer: '/description', detail: 'must be a string or null' },
    ]);
  });

  it('escapes "/" and "~" in field names, as JSON Pointer requires', () => {
    const violations = describe_({
      name: 'a',
      priority: 'LOW',
      description: null,
      steps: [],
      'a/b~c': 1,
    });
    assert.deepEqual(violations, [{ pointer: '/a~1b~0c', detail: 'is not a known field' }]);
  });
});
