import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shiftHistoryIds } from './history-ids.js';
import { OperationFailed } from './operations.errors.js';
import { TENANT_TABLES } from './tenant-tables.js';

const table = (name: string) => TENANT_TABLES.find((candidate) => candidate.name === name)!;

const shifts = new Map([
  ['location_versions', 100],
  ['member_versions', 200],
  ['point_versions', 300],
  ['scheduled_task_versions', 400],
  ['scheduled_step_versions', 500],
  ['scheduled_action_versions', 600],
  ['checklist_versions', 700],
]);

describe('shiftHistoryIds', () => {
  it('shifts every reference in a task version’s snapshot by the table it refers to', () => {
    const snapshot = {
      id: 'task',
      locationHistoryId: 3,
      assigneeHistoryIds: { 'member-a': 4, 'member-b': 5 },
      steps: [{ scheduledStepHistoryId: 6, actionHistoryIds: [7, 8] }],
      tags: ['night'],
    };
    const row = { history_id: 2, organization_id: 'o', snapshot: JSON.stringify(snapshot) };
    const shifted = shiftHistoryIds(table('scheduled_task_versions'), row, shifts);
    assert.equal(shifted.history_id, 402);
    assert.deepEqual(JSON.parse(shifted.snapshot as string), {
      id: 'task',
      locationHistoryId: 103,
      assigneeHistoryIds: { 'member-a': 204, 'member-b': 205 },
      steps: [{ scheduledStepHistoryId: 506, actionHistoryIds: [607, 608] }],
      tags: ['night'],
    });
  });

  it('shifts typed columns, and leaves 0 ("no version yet") and other columns alone', () => {
    const step = shiftHistoryIds(
      table('scheduled_steps'),
      { id: 's', history_id: 9, point_history_id: 0, step_order: 3 },
      shifts,
    );
    assert.deepEqual(step, { id: 's', history_id: 509, point_history_id: 0, step_order: 3 });
    const execution = shiftHistoryIds(
      table('task_executions'),
      { id: 'e', scheduled_task_history_id: 1, location_history_id: 2, event_count: 7 },
      shifts,
    );
    assert.deepEqual(execution, {
      id: 'e',
      scheduled_task_history_id: 401,
      location_history_id: 102,
      event_count: 7,
    });
  });

  it('a snapshot’s own historyId is a version of the same table', () => {
    const shifted = shiftHistoryIds(
      table('location_versions'),
      { history_id: 2, snapshot: JSON.stringify({ id: 'l', historyId: 1, name: 'Depot' }) },
      shifts,
    );
    assert.deepEqual(JSON.parse(shifted.snapshot as string), {
      id: 'l',
      historyId: 101,
      name: 'Depot',
    });
  });

  it('changes nothing, not even the snapshot text, when every shift is 0', () => {
    const row = { history_id: 2, snapshot: '{"locationHistoryId":3,  "name":"spaced"}' };
    const zero = new Map([...shifts.keys()].map((name) => [name, 0]));
    assert.equal(shiftHistoryIds(table('scheduled_task_versions'), row, zero), row);
  });

  it('stops at a history reference it does not know rather than leave it wrong', () => {
    const row = { history_id: 2, snapshot: JSON.stringify({ deviceHistoryId: 4 }) };
    assert.throws(
      () => shiftHistoryIds(table('point_versions'), row, shifts),
      (error: unknown) =>
        error instanceof OperationFailed && /holds "deviceHistoryId"/.test(error.message),
    );
  });
});
