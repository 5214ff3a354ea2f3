import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NormalizedAction } from '../checklists/action-definitions.js';
import {
  GENESIS_HASH,
  canonicalJson,
  hashEvent,
  verifyChain,
  type ExecutionEvent,
} from './execution-events.js';
import { NOTHING_DONE, computeResults, type ExecutionPlanView } from './execution-results.js';

// The fold and the chain on their own, with hand-built logs (the API scenarios are in
// performing.routes.test.ts).

const definition = (overrides: Partial<NormalizedAction>): NormalizedAction => ({
  name: 'Action',
  type: 'BOOLEAN',
  order: 0,
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
  options: null,
  ...overrides,
});

const plan: ExecutionPlanView = {
  startAt: '2026-12-07T18:00:00.000Z',
  endAt: '2026-12-07T21:00:00.000Z',
  assigneeIds: ['a', 'b'],
  orderStepsRequired: false,
  strictTimeRequired: false,
  deadlined: false,
  steps: [
    {
      id: 's1',
      pointId: 'p1',
      order: 0,
      actions: [
        {
          id: 'a1',
          definition: definition({
            type: 'NUMBER',
            minValue: 1,
            maxValue: 5,
            alertLevel: 'WARNING',
          }),
        },
        {
          id: 'a2',
          definition: definition({ type: 'BOOLEAN', alertLevel: 'ERROR', alertValue: true }),
        },
      ],
    },
    { id: 's2', pointId: 'p2', order: 1, actions: [] },
  ],
};

let sequence = 0;
function event(
  actorMemberId: string | null,
  type: ExecutionEvent['type'],
  occurredAt: string,
  payload: ExecutionEvent['payload'] = {},
): ExecutionEvent {
  sequence++;
  return {
    organizationId: 'o',
    id: `e${sequence}`,
    taskExecutionId: 'x',
    sequence,
    type,
    actorMemberId,
    deviceTime: null,
    receivedAt: occurredAt,
    occurredAt: `2026-12-07T${occurredAt}.000Z`,
    payload,
    pointId: null,
    previousHash: '',
    hash: '',
  };
}

describe('computeResults', () => {
  it('gives an empty log exactly the results the presenter assumes for untouched executions', () => {
    const { steps, actions, seenBy, ...fields } = computeResults([], plan);
    const expected: Record<string, unknown> = { ...NOTHING_DONE };
    for (const key of ['steps', 'actions', 'seenBy']) delete expected[key];
    assert.deepEqual(fields, expected);
    assert.equal(seenBy.size, 0);
    for (const step of steps.values())
      assert.deepEqual(
        [step.finalState, step.status, step.actualOrder, step.keptOrder],
        [null, null, null, null],
      );
    for (const action of actions.values())
      assert.deepEqual(
        [action.finalState, action.status, action.validAction, action.missedRequiredValue],
        [null, null, null, null],
      );
  });

  it('uses the alert level for a number out of range and for an alerting answer', () => {
    const results = computeResults(
      [
        event('a', 'STARTED', '18:00:00'),
        event('a', 'CHECKED_IN', '18:01:00', { stepId: 's1' }),
        event('a', 'VALUE_RECORDED', '18:02:00', { actionId: 'a1', numberValue: 7 }),
        event('a', 'VALUE_RECORDED', '18:03:00', { actionId: 'a2', booleanValue: true }),
      ],
      plan,
    );
    assert.deepEqual(
      [
        results.actions.get('a1')!.status,
        results.actions.get('a2')!.status,
        results.steps.get('s1')!.status,
      ],
      ['WARNING', 'ERROR', 'ERROR'],
    );
    assert.deepEqual(
      [results.numericErrorCount, results.warningCount, results.errorCount, results.status],
      [1, 1, 1, 'ERROR'],
    );
  });

  it('follows the earliest start, wherever it arrived in the log, and flags the other', () => {
    const results = computeResults(
      [
        event('b', 'STARTED', '18:05:00'),
        event('b', 'CHECKED_IN', '18:06:00', { stepId: 's2' }),
        event('a', 'STARTED', '18:02:00'),
        event('a', 'CHECKED_IN', '18:03:00', { stepId: 's1' }),
      ],
      plan,
    );
    assert.deepEqual(
      [results.performerId, results.collision, results.startedAt],
      ['a', true, '2026-12-07T18:02:00.000Z'],
    );
    assert.deepEqual(
      [results.steps.get('s1')!.state, results.steps.get('s2')!.state],
      ['CHECKED_IN', null],
    );
  });
});

describe('the hash chain', () => {
  function chain(count: number): ExecutionEvent[] {
    const events: ExecutionEvent[] = [];
    let previousHash = GENESIS_HASH;
    for (let index = 1; index <= count; index++) {
      const unhashed = { ...event('a', 'SEEN', '18:00:00'), sequence: index, previousHash };
      const hash = hashEvent(unhashed);
      events.push({ ...unhashed, hash });
      previousHash = hash;
    }
    return events;
  }

  it('writes canonical JSON whatever the key order', () => {
    assert.equal(
      canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] }),
      '{"a":[{"c":"x","d":null}],"b":1}',
    );
    assert.equal(canonicalJson({ a: undefined, b: 2 }), '{"b":2}');
  });

  it('verifies an intact chain and finds the first altered, removed or reordered event', () => {
    const events = chain(4);
    assert.deepEqual(verifyChain(events), {
      valid: true,
      eventCount: 4,
      firstInvalidSequence: null,
      lastHash: events[3]!.hash,
    });
    const altered = events.map((e) =>
      e.sequence === 2 ? { ...e, occurredAt: '2026-12-07T18:30:00.000Z' } : e,
    );
    assert.equal(verifyChain(altered).firstInvalidSequence, 2);
    assert.equal(verifyChain([events[0]!, events[2]!, events[3]!]).firstInvalidSequence, 3);
    assert.equal(
      verifyChain([events[1]!, events[0]!, events[2]!, events[3]!]).firstInvalidSequence,
      2,
    );
  });
});
