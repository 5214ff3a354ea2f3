import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  normalizeActionDefinitions,
  validateActionDefinitions,
  type ActionDefinition,
} from './action-definitions.js';

/** One valid definition of each of the seven types, in a deliberately shuffled order. */
const EVERY_TYPE: ActionDefinition[] = [
  {
    name: 'Gate locked?',
    type: 'BOOLEAN',
    order: 2,
    required: true,
    alertLevel: 'ERROR',
    alertValue: false,
  },
  {
    name: 'Fridge temperature',
    type: 'NUMBER',
    order: 0,
    required: true,
    alertLevel: 'WARNING',
    minValue: 2,
    maxValue: 6,
  },
  {
    name: 'Meter reading',
    type: 'TEXT',
    order: 1,
    required: false,
    maxLength: 12,
    regex: '^[0-9]{6}$',
  },
  {
    name: 'Photo of the fence',
    type: 'MEDIA',
    order: 3,
    required: true,
    cameraOnly: true,
    minCount: 1,
    maxCount: 3,
  },
  {
    name: 'Floor state',
    type: 'SELECT',
    order: 4,
    required: true,
    options: [{ value: 'Clean' }, { value: 'Wet', alertLevel: 'WARNING' }],
  },
  {
    name: 'Restocked',
    type: 'MULTISELECT',
    order: 5,
    required: false,
    options: [{ value: 'Soap' }, { value: 'Paper towels' }],
  },
  {
    name: 'Read the fire plan',
    type: 'INSTRUCTION',
    order: 6,
    required: false,
    description: 'Check the escape routes are free.',
  },
];

const one = (action: ActionDefinition) => validateActionDefinitions([action], '/actions');

describe('validateActionDefinitions', () => {
  it('accepts a valid definition of every one of the seven types', () => {
    assert.deepEqual(validateActionDefinitions(EVERY_TYPE, '/actions'), []);
  });

  it('accepts a NUMBER whose minimum equals its maximum, or with only one bound', () => {
    assert.deepEqual(
      validateActionDefinitions(
        [
          { name: 'Exactly', type: 'NUMBER', order: 0, required: true, minValue: 4, maxValue: 4 },
          { name: 'At least', type: 'NUMBER', order: 1, required: true, minValue: 4 },
          { name: 'At most', type: 'NUMBER', order: 2, required: true, maxValue: null },
        ],
        '/actions',
      ),
      [],
    );
  });

  it('refuses a NUMBER whose minimum is greater than its maximum, at its minValue', () => {
    assert.deepEqual(
      validateActionDefinitions(
        [
          EVERY_TYPE[0]!,
          EVERY_TYPE[2]!,
          { name: 'Pressure', type: 'NUMBER', order: 9, required: true, minValue: 10, maxValue: 5 },
        ],
        '/actions',
      ),
      [
        {
          in: 'body',
          pointer: '/actions/2/minValue',
          detail: 'must not be greater than maxValue (5)',
        },
      ],
    );
  });

  it('refuses a TEXT regex that does not compile, at its regex', () => {
    const errors = one({ name: 'Plate', type: 'TEXT', order: 0, required: true, regex: '([A-Z' });
    assert.deepEqual(
      errors.map((error) => error.pointer),
      ['/actions/0/regex'],
    );
    assert.match(errors[0]!.detail, /^is not a valid regular expression/);
  });

  it('refuses a SELECT or MULTISELECT without options, whether empty or missing', () => {
    assert.deepEqual(one({ name: 'Pick', type: 'SELECT', order: 0, required: true, options: [] }), [
      {
        in: 'body',
        pointer: '/actions/0/options',
        detail: 'must list at least one choice for a SELECT action',
      },
    ]);
    assert.deepEqual(one({ name: 'Pick', type: 'MULTISELECT', order: 0, required: true }), [
      {
        in: 'body',
        pointer: '/actions/0/options',
        detail: 'must list at least one choice for a MULTISELECT action',
      },
    ]);
  });

  it('refuses a repeated option, ignoring case and spaces, at the repetition', () => {
    assert.deepEqual(
      one({
        name: 'Floor',
        type: 'SELECT',
        order: 0,
        required: true,
        options: [{ value: 'Clean' }, { value: 'Wet' }, { value: ' clean ' }],
      }),
      [
        {
          in: 'body',
          pointer: '/actions/0/options/2/value',
          detail: 'repeats " clean "; choices must be unique',
        },
      ],
    );
  });

  it('refuses a blank option', () => {
    assert.deepEqual(
      one({
        name: 'Floor',
        type: 'MULTISELECT',
        order: 0,
        required: true,
        options: [{ value: 'Clean' }, { value: '   ' }],
      }),
      [{ in: 'body', pointer: '/actions/0/options/1/value', detail: 'must not be blank' }],
    );
  });

  it('refuses a required INSTRUCTION: an instruction takes no value', () => {
    assert.deepEqual(one({ name: 'Read this', type: 'INSTRUCTION', order: 0, required: true }), [
      {
        in: 'body',
        pointer: '/actions/0/required',
        detail: 'must be false: an instruction takes no value',
      },
    ]);
  });

  it('refuses repeated orders, pointing every repetition at the first action with that order', () => {
    const base = { type: 'BOOLEAN', required: false } as const;
    assert.deepEqual(
      validateActionDefinitions(
        [
          { ...base, name: 'A', order: 1 },
          { ...base, name: 'B', order: 1 },
          { ...base, name: 'C', order: 2 },
          { ...base, name: 'D', order: 1 },
        ],
        '/steps/0/actions',
      ),
      [
        {
          in: 'body',
          pointer: '/steps/0/actions/1/order',
          detail: "is the same as action 0's; orders must be unique",
        },
        {
          in: 'body',
          pointer: '/steps/0/actions/3/order',
          detail: "is the same as action 0's; orders must be unique",
        },
      ],
    );
  });

  it('refuses a MEDIA action asking for more files at least than at most', () => {
    assert.deepEqual(
      one({ name: 'Photos', type: 'MEDIA', order: 0, required: true, minCount: 4, maxCount: 2 }),
      [
        {
          in: 'body',
          pointer: '/actions/0/minCount',
          detail: 'must not be greater than maxCount (2)',
        },
      ],
    );
  });

  it('refuses every field that does not belong to the action’s type, naming each', () => {
    const cases: [ActionDefinition, string[]][] = [
      [
        { name: 'B', type: 'BOOLEAN', order: 0, required: true, minValue: 1, regex: 'x' },
        ['/actions/0/minValue', '/actions/0/regex'],
      ],
      [
        { name: 'N', type: 'NUMBER', order: 0, required: true, alertValue: true },
        ['/actions/0/alertValue'],
      ],
      [
        { name: 'T', type: 'TEXT', order: 0, required: true, alertLevel: 'ERROR', maxCount: 2 },
        ['/actions/0/alertLevel', '/actions/0/maxCount'],
      ],
      [
        { name: 'M', type: 'MEDIA', order: 0, required: true, maxLength: 10 },
        ['/actions/0/maxLength'],
      ],
      [
        {
          name: 'S',
          type: 'SELECT',
          order: 0,
          required: true,
          options: [{ value: 'a' }],
          cameraOnly: false,
        },
        ['/actions/0/cameraOnly'],
      ],
      [
        { name: 'I', type: 'INSTRUCTION', order: 0, required: false, options: [{ value: 'a' }] },
        ['/actions/0/options'],
      ],
    ];
    for (const [action, pointers] of cases) {
      assert.deepEqual(
        one(action).map((error) => error.pointer),
        pointers,
        action.type,
      );
      assert.ok(
        one(action).every((error) => error.detail === `does not apply to a ${action.type} action`),
      );
    }
  });

  it('treats a field sent as null as not set', () => {
    assert.deepEqual(
      one({
        name: 'Gate locked?',
        type: 'BOOLEAN',
        order: 0,
        required: true,
        minValue: null,
        options: null,
        regex: null,
      }),
      [],
    );
  });

  it('reports every problem of a list at once', () => {
    assert.deepEqual(
      validateActionDefinitions(
        [
          { name: 'Read', type: 'INSTRUCTION', order: 0, required: true },
          { name: 'Temp', type: 'NUMBER', order: 0, required: true, minValue: 3, maxValue: 1 },
        ],
        '/actions',
      ).map((error) => error.pointer),
      ['/actions/0/required', '/actions/1/order', '/actions/1/minValue'],
    );
  });
});

describe('normalizeActionDefinitions', () => {
  it('sorts by order and spells out every field of all seven types', () => {
    assert.deepEqual(normalizeActionDefinitions(EVERY_TYPE), [
      {
        name: 'Fridge temperature',
        type: 'NUMBER',
        order: 0,
        required: true,
        description: null,
        alertLevel: 'WARNING',
        alertValue: null,
        minValue: 2,
        maxValue: 6,
        maxLength: null,
        regex: null,
        cameraOnly: null,
        minCount: null,
        maxCount: null,
        options: null,
      },
      {
        name: 'Meter reading',
        type: 'TEXT',
        order: 1,
        required: false,
        description: null,
        alertLevel: null,
        alertValue: null,
        minValue: null,
        maxValue: null,
        maxLength: 12,
        regex: '^[0-9]{6}$',
        cameraOnly: null,
        minCount: null,
        maxCount: null,
        options: null,
      },
      {
        name: 'Gate locked?',
        type: 'BOOLEAN',
        order: 2,
        required: true,
        description: null,
        alertLevel: 'ERROR',
        alertValue: false,
        minValue: null,
        maxValue: null,
        maxLength: null,
        regex: null,
        cameraOnly: null,
        minCount: null,
        maxCount: null,
        options: null,
      },
      {
        name: 'Photo of the fence',
        type: 'MEDIA',
        order: 3,
        required: true,
        description: null,
        alertLevel: null,
        alertValue: null,
        minValue: null,
        maxValue: null,
        maxLength: null,
        regex: null,
        cameraOnly: true,
        minCount: 1,
        maxCount: 3,
        options: null,
      },
      {
        name: 'Floor state',
        type: 'SELECT',
        order: 4,
        required: true,
        description: null,
        alertLevel: null,
        alertValue: null,
        minValue: null,
        maxValue: null,
        maxLength: null,
        regex: null,
        cameraOnly: null,
        minCount: null,
        maxCount: null,
        options: [
          { value: 'Clean', alertLevel: null },
          { value: 'Wet', alertLevel: 'WARNING' },
        ],
      },
      {
        name: 'Restocked',
        type: 'MULTISELECT',
        order: 5,
        required: false,
        description: null,
        alertLevel: null,
        alertValue: null,
        minValue: null,
        maxValue: null,
        maxLength: null,
        regex: null,
        cameraOnly: null,
        minCount: null,
        maxCount: null,
        options: [
          { value: 'Soap', alertLevel: null },
          { value: 'Paper towels', alertLevel: null },
        ],
      },
      {
        name: 'Read the fire plan',
        type: 'INSTRUCTION',
        order: 6,
        required: false,
        description: 'Check the escape routes are free.',
        alertLevel: null,
        alertValue: null,
        minValue: null,
        maxValue: null,
        maxLength: null,
        regex: null,
        cameraOnly: null,
        minCount: null,
        maxCount: null,
        options: null,
      },
    ]);
  });

  it('alerts on a BOOLEAN "no" by default once an alert level is set', () => {
    const [action] = normalizeActionDefinitions([
      { name: 'Gate locked?', type: 'BOOLEAN', order: 0, required: true, alertLevel: 'ERROR' },
    ]);
    assert.equal(action?.alertValue, false);
  });

  it('leaves a BOOLEAN without an alert level without an alert value', () => {
    const [action] = normalizeActionDefinitions([
      { name: 'Lights on?', type: 'BOOLEAN', order: 0, required: false },
    ]);
    assert.deepEqual([action?.alertLevel, action?.alertValue], [null, null]);
  });

  it('lets a MEDIA action accept gallery pictures unless it says camera only', () => {
    const [action] = normalizeActionDefinitions([
      { name: 'Photo', type: 'MEDIA', order: 0, required: false },
    ]);
    assert.equal(action?.cameraOnly, false);
  });

  it('never leaves an INSTRUCTION required', () => {
    const [action] = normalizeActionDefinitions([
      { name: 'Read', type: 'INSTRUCTION', order: 0, required: true },
    ]);
    assert.equal(action?.required, false);
  });

  it('does not change the list it was given', () => {
    const input: ActionDefinition[] = [
      { name: 'B', type: 'BOOLEAN', order: 5, required: false },
      { name: 'A', type: 'BOOLEAN', order: 1, required: false },
    ];
    normalizeActionDefinitions(input);
    assert.deepEqual(
      input.map((action) => action.name),
      ['B', 'A'],
    );
  });
});
