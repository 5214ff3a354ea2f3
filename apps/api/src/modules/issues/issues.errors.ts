import { defineProblem } from '../../shared/app-error.js';

export const issueNotFound = defineProblem({
  type: 'issue-not-found',
  title: 'No such issue',
  status: 404,
});

export const invalidIssue = defineProblem({
  type: 'invalid-issue',
  title: 'The issue is not valid',
  status: 400,
});

export const invalidIssueQuery = defineProblem({
  type: 'invalid-issue-query',
  title: 'The query is not valid',
  status: 400,
});

export const issueStatusChangeNotAllowed = defineProblem({
  type: 'issue-status-change-not-allowed',
  title: 'The issue cannot move to this status',
  status: 409,
});

export const issueClientIdInUse = defineProblem({
  type: 'issue-client-id-in-use',
  title: 'Another reporter’s issue has this client id',
  status: 409,
});
