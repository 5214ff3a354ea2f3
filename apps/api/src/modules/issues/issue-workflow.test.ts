import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IssueStatus } from '../../database/database.js';
import { canChangeStatus, isReopening } from './issue-workflow.js';

describe('issue workflow', () => {
  const every: IssueStatus[] = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'];

  it('allows exactly acknowledge, resolve (from open or acknowledged) and reopen', () => {
    const allowed = every.flatMap((from) =>
      every.filter((to) => canChangeStatus(from, to)).map((to) => `${from}→${to}`),
    );
    assert.deepEqual(allowed, [
      'OPEN→ACKNOWLEDGED',
      'OPEN→RESOLVED',
      'ACKNOWLEDGED→RESOLVED',
      'RESOLVED→OPEN',
    ]);
  });

  it('calls only resolved → open a reopening', () => {
    assert.equal(isReopening('RESOLVED', 'OPEN'), true);
    assert.equal(isReopening('ACKNOWLEDGED', 'OPEN'), false);
    assert.equal(isReopening('RESOLVED', 'ACKNOWLEDGED'), false);
  });
});
