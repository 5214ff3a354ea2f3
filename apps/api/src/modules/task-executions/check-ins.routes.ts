import { Type } from 'typebox';
import type { FastifyTypeBox } from '../../server.js';
import { DEFAULT_PAGE_SIZE, setNextPageLink } from '../../shared/paging.js';
import { problemResponses } from '../../shared/problem.schemas.js';
import { withUniqueSchemaIds } from '../../shared/schema-ids.js';
import { EVERY_ROLE, actorOf } from '../auth/access.js';
import {
  CheckInSchema,
  CheckInsQuerySchema,
  OnDemandCheckInBodySchema,
} from './check-ins.schemas.js';
import type { CheckInsService } from './check-ins.service.js';
import { RecordedWriteSchema } from './performing.schemas.js';

const tags = ['Performing'];
const RecordedWriteResponseSchema = withUniqueSchemaIds(RecordedWriteSchema);

export function registerCheckInRoutes(
  app: FastifyTypeBox,
  { checkInsService }: { checkInsService: CheckInsService },
): void {
  app.post(
    '/api/check-ins',
    {
      config: { access: { roles: EVERY_ROLE, token: false } },
      schema: {
        operationId: 'checkInOnDemand',
        tags,
        summary: 'Check in at a point without a task (on demand)',
        description:
          'At a point whose on-demand check-ins allow the caller (ALL_MEMBERS, or SELECTED_MEMBERS with onDemandAllowed), proves presence like a step check-in and opens a one-off execution of the point’s actions (or the member’s own list), started and checked in, for an hour. Record its values and finish it with recordExecutionWrite. 201; 200 when the same check-in id was sent before.',
        body: OnDemandCheckInBodySchema,
        response: {
          200: RecordedWriteResponseSchema,
          201: RecordedWriteResponseSchema,
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const recorded = await checkInsService.checkIn(actorOf(request), request.body);
      return reply.code(recorded.replayed ? 200 : 201).send(recorded);
    },
  );

  app.get(
    '/api/check-ins',
    {
      config: { access: { roles: EVERY_ROLE, token: true } },
      schema: {
        operationId: 'listCheckIns',
        tags,
        summary: 'List check-ins: who proved presence where, and when',
        description:
          'Check-ins at steps of planned executions and on-demand ones, by the time they happened (at most 31 days per query), at locations the caller sees. Users and guards see their own.',
        querystring: CheckInsQuerySchema,
        response: { 200: Type.Array(CheckInSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const limit = request.query.limit ?? DEFAULT_PAGE_SIZE;
      const { items, nextCursor } = await checkInsService.listCheckIns(actorOf(request), {
        ...request.query,
        limit,
      });
      setNextPageLink(reply, '/api/check-ins', { ...request.query, limit }, nextCursor);
      return items;
    },
  );
}
