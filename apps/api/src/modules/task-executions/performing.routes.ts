import { Type } from 'typebox';
import type { FastifyTypeBox } from '../../server.js';
import { problemBodyOf } from '../../shared/problem-handler.js';
import { problemResponses } from '../../shared/problem.schemas.js';
import { withUniqueSchemaIds } from '../../shared/schema-ids.js';
import { EVERY_ROLE, SUPERVISORS, actorOf } from '../auth/access.js';
import {
  ChainVerificationSchema,
  ExecutionEventSchema,
  ExecutionPlanSchema,
  ExecutionWriteBatchSchema,
  ExecutionWriteSchema,
  RecordedWriteSchema,
  WriteOutcomeSchema,
} from './performing.schemas.js';
import type { PerformingService } from './performing.service.js';
import { TaskExecutionIdParamsSchema } from './task-executions.schemas.js';

const performers = { roles: EVERY_ROLE, token: false } as const;
const readers = { roles: EVERY_ROLE, token: true } as const;
const supervisors = { roles: SUPERVISORS, token: true } as const;
const tags = ['Performing'];

const RecordedWriteResponseSchema = withUniqueSchemaIds(RecordedWriteSchema);

/** The performer API (DESIGN §5): field writes as events, the event log and its verification. */
export function registerPerformingRoutes(
  app: FastifyTypeBox,
  { performingService }: { performingService: PerformingService },
): void {
  app.post(
    '/api/task-executions/:id/events',
    {
      config: { access: performers },
      schema: {
        operationId: 'recordExecutionWrite',
        tags,
        summary: 'Record a field write (seen, start, check-in, value, skip, notes, finish)',
        description:
          'An assignee, signed in as themselves, appends one write to the execution. The server checks it against the plan and what this performer has done (order, presence at the point, value rules, deadline) and answers with the event and the execution as it now stands: 201 when applied, 200 when the same write id was applied before. Another assignee’s work on the same execution is kept and flags `collision`.',
        params: TaskExecutionIdParamsSchema,
        body: ExecutionWriteSchema,
        response: {
          200: RecordedWriteResponseSchema,
          201: RecordedWriteResponseSchema,
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const recorded = await performingService.recordWrite(
        actorOf(request),
        request.params.id,
        request.body,
      );
      return reply.code(recorded.replayed ? 200 : 201).send(recorded);
    },
  );

  app.post(
    '/api/task-executions/events',
    {
      config: { access: performers },
      schema: {
        operationId: 'recordExecutionWrites',
        tags,
        summary: 'Sync a queue of field writes',
        description:
          'What an offline device sends when it is back online: up to 500 writes, each applied on its own in order, as with recordExecutionWrite. A refused write does not stop the others; each outcome says APPLIED, REPLAYED (applied before: sending a batch again is harmless) or REFUSED with the problem.',
        body: ExecutionWriteBatchSchema,
        response: {
          200: Type.Object(
            { results: Type.Array(WriteOutcomeSchema) },
            { additionalProperties: false },
          ),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const outcomes = await performingService.recordBatch(actorOf(request), request.body.writes);
      return {
        results: outcomes.map(({ error, ...outcome }) => ({
          ...outcome,
          problem: error ? problemBodyOf(request, error) : null,
        })),
      };
    },
  );

  app.get(
    '/api/task-executions/:id/plan',
    {
      config: { access: readers },
      schema: {
        operationId: 'getExecutionPlan',
        tags,
        summary: 'Every action’s whole definition, for the performer’s forms',
        description:
          'The info object carries the guide’s fields only; this adds what a form checks before sending: options, text length and format, camera-only, media counts, instruction text — by the ids the execution shows.',
        params: TaskExecutionIdParamsSchema,
        response: {
          200: withUniqueSchemaIds(ExecutionPlanSchema),
          ...problemResponses(401, 403, 404),
        },
      },
    },
    async (request) => performingService.getPlan(actorOf(request), request.params.id),
  );

  app.get(
    '/api/task-executions/:id/events',
    {
      config: { access: readers },
      schema: {
        operationId: 'listExecutionEvents',
        tags,
        summary: 'The execution’s event log',
        description:
          'Everything that happened, in the order the server received it, each event chained to the previous one by its hash.',
        params: TaskExecutionIdParamsSchema,
        response: { 200: Type.Array(ExecutionEventSchema), ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => performingService.listEvents(actorOf(request), request.params.id),
  );

  app.get(
    '/api/task-executions/:id/integrity',
    {
      config: { access: supervisors },
      schema: {
        operationId: 'verifyExecutionEvents',
        tags,
        summary: 'Verify the event log has not been altered',
        description:
          'Recomputes every hash of the log: valid is false, naming the first bad event, when any stored event was changed, removed or reordered after it was recorded.',
        params: TaskExecutionIdParamsSchema,
        response: { 200: ChainVerificationSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => performingService.verifyEvents(actorOf(request), request.params.id),
  );
}
