import { Type } from 'typebox';
import type { FastifyTypeBox } from '../../server.js';
import { DEFAULT_PAGE_SIZE, setNextPageLink } from '../../shared/paging.js';
import { problemResponses } from '../../shared/problem.schemas.js';
import { withUniqueSchemaIds } from '../../shared/schema-ids.js';
import { EVERY_ROLE, SUPERVISORS, actorOf } from '../auth/access.js';
import {
  CreateTaskExecutionBodySchema,
  TaskExecutionIdParamsSchema,
  TaskExecutionInfoQuerySchema,
  TaskExecutionInfoSchema,
  TaskExecutionScopeQuerySchema,
  UpdateTaskExecutionBodySchema,
} from './task-executions.schemas.js';
import type { TaskExecutionsService } from './task-executions.service.js';
import { previewRecurrence } from './recurrence-preview.js';
import {
  RecurrencePreviewBodySchema,
  RecurrencePreviewSchema,
} from './recurrence-preview.schemas.js';

const TaskExecutionInfoResponseSchema = withUniqueSchemaIds(TaskExecutionInfoSchema);

const readers = { roles: EVERY_ROLE, token: true } as const;
const planners = { roles: SUPERVISORS, token: true } as const;
const tags = ['Task executions'];

/** The External API for tasks and their executions (occurrences). */
export function registerTaskExecutionRoutes(
  app: FastifyTypeBox,
  { taskExecutionsService }: { taskExecutionsService: TaskExecutionsService },
): void {
  app.post(
    '/api/task-executions',
    {
      config: { access: planners },
      schema: {
        operationId: 'createTaskExecution',
        tags,
        summary: 'Plan a task',
        description:
          'Creates a task, possibly recurring, at a location; answers with its first execution. Managers plan only at their locations.',
        body: CreateTaskExecutionBodySchema,
        response: {
          201: TaskExecutionInfoResponseSchema,
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await taskExecutionsService.createTask(actorOf(request), request.body)),
  );

  app.get(
    '/api/task-executions/info',
    {
      config: { access: readers },
      schema: {
        operationId: 'listTaskExecutionInfo',
        tags,
        summary: 'List executions in a time window',
        description:
          'Executions whose window overlaps [from, to) (at most 31 days), by startAt then id, at locations the caller sees; performers see published ones only. Filters combine with AND; a list filter matches any of its values. CANCELED executions appear with includeCanceled=true or states=CANCELED. For incremental polling pass updatedSince. Pages follow the `Link: <…>; rel="next"` header.',
        querystring: TaskExecutionInfoQuerySchema,
        response: {
          200: Type.Array(TaskExecutionInfoResponseSchema),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const limit = request.query.limit ?? DEFAULT_PAGE_SIZE;
      const { items, nextCursor } = await taskExecutionsService.listInfo(actorOf(request), {
        ...request.query,
        limit,
      });
      setNextPageLink(reply, '/api/task-executions/info', { ...request.query, limit }, nextCursor);
      return items;
    },
  );

  app.get(
    '/api/task-executions/:id',
    {
      config: { access: readers },
      schema: {
        operationId: 'getTaskExecution',
        tags,
        summary: 'Get an execution',
        description: 'Any execution id the API returned.',
        params: TaskExecutionIdParamsSchema,
        response: { 200: TaskExecutionInfoResponseSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => taskExecutionsService.getExecution(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/task-executions/:id',
    {
      config: { access: planners },
      schema: {
        operationId: 'updateTaskExecution',
        tags,
        summary: 'Edit an execution, the following ones or the whole task',
        description:
          'scope=THIS (default) edits this occurrence alone (edited: true); FOLLOWING splits the task here and a new task (new scheduledTaskId, same seriesId) continues with the changes; ALL gives the task a new version for every occurrence that has not begun. Performed and canceled executions are records and never change (409). A new schedule (startAt, endAt or recurrence with FOLLOWING or ALL) replaces the planned occurrences it covers: they become CANCELED, so pollers see them go. Answers with the edited execution, or the first one of the new plan when it was replaced.',
        params: TaskExecutionIdParamsSchema,
        querystring: TaskExecutionScopeQuerySchema,
        body: UpdateTaskExecutionBodySchema,
        response: {
          200: TaskExecutionInfoResponseSchema,
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) =>
      taskExecutionsService.editExecution(
        actorOf(request),
        request.params.id,
        request.query.scope ?? 'THIS',
        request.body,
      ),
  );

  app.delete(
    '/api/task-executions/:id',
    {
      config: { access: planners },
      schema: {
        operationId: 'cancelTaskExecution',
        tags,
        summary: 'Cancel an execution, the following ones or the whole task',
        description:
          'Planned executions become CANCELED and stay as records (listed with includeCanceled=true). scope=THIS (default) cancels this one; FOLLOWING ends the task here and cancels this and every later planned one; ALL ends the task now and cancels every planned one whose window has not ended. Performed executions are never changed. Answers with this execution as it now stands.',
        params: TaskExecutionIdParamsSchema,
        querystring: TaskExecutionScopeQuerySchema,
        response: {
          200: TaskExecutionInfoResponseSchema,
          ...problemResponses(401, 403, 404, 409),
        },
      },
    },
    async (request) =>
      taskExecutionsService.cancelExecution(
        actorOf(request),
        request.params.id,
        request.query.scope ?? 'THIS',
      ),
  );

  app.post(
    '/api/task-executions/recurrence-preview',
    {
      config: { access: planners },
      schema: {
        operationId: 'previewRecurrence',
        tags,
        summary: 'Preview the occurrences of a recurrence',
        description:
          'Lists the next occurrences (10 by default, at most 50) that a task with this window, recurrence and location time zone would have, computed by the same engine that plans executions (DST shifts and exceptions included), with the location’s wall times. Stores nothing. Field errors point into the body as in POST /task-executions (/recurrence/rule, /recurrence/exception).',
        body: RecurrencePreviewBodySchema,
        response: { 200: RecurrencePreviewSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => previewRecurrence(request.body),
  );
}
