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
