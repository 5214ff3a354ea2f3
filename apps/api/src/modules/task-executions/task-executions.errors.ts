import { defineProblem } from '../../shared/app-error.js';

export const taskExecutionNotFound = defineProblem({
  type: 'task-execution-not-found',
  title: 'No such task execution',
  status: 404,
});

export const invalidTaskExecution = defineProblem({
  type: 'invalid-task-execution',
  title: 'The task is not valid',
  status: 400,
});

export const invalidTaskExecutionQuery = defineProblem({
  type: 'invalid-task-execution-query',
  title: 'The query is not valid',
  status: 400,
});

export const executionNotEditable = defineProblem({
  type: 'task-execution-not-editable',
  title: 'The execution cannot be changed this way',
  status: 409,
});

// Performing (DESIGN §5).

export const notAnAssignee = defineProblem({
  type: 'not-an-assignee',
  title: 'Only the execution’s assignees can perform it',
  status: 403,
});

export const invalidExecutionWrite = defineProblem({
  type: 'invalid-execution-write',
  title: 'The write is not valid for this execution',
  status: 400,
});

export const checkInRefused = defineProblem({
  type: 'check-in-refused',
  title: 'The check-in does not prove presence at the step’s point',
  status: 400,
});

export const executionNotInProgress = defineProblem({
  type: 'execution-not-in-progress',
  title: 'The execution is not in a state that accepts this write',
  status: 409,
});

export const stepOutOfOrder = defineProblem({
  type: 'step-out-of-order',
  title: 'The task requires its steps in order',
  status: 409,
});

export const deadlinePassed = defineProblem({
  type: 'deadline-passed',
  title: 'The execution’s window has ended and the task is deadlined',
  status: 409,
});

export const writeIdReused = defineProblem({
  type: 'write-id-reused',
  title: 'The write id was already used for another write',
  status: 409,
});
