import { defineProblem } from '../../shared/app-error.js';

export const checklistNotFound = defineProblem({
  type: 'checklist-not-found',
  title: 'No such checklist',
  status: 404,
});

export const invalidActionDefinitions = defineProblem({
  type: 'invalid-action-definitions',
  title: 'The action definitions are not valid',
  status: 400,
});

export const invalidCursor = defineProblem({
  type: 'invalid-cursor',
  title: 'The paging cursor is not valid',
  status: 400,
});
