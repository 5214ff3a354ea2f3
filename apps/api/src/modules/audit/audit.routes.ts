import { Type } from 'typebox';
import type { FastifyTypeBox } from '../../server.js';
import { DEFAULT_PAGE_SIZE, setNextPageLink } from '../../shared/paging.js';
import { problemResponses } from '../../shared/problem.schemas.js';
import { actorOf } from '../auth/access.js';
import { AuditLogEntrySchema, ListAuditLogQuerySchema } from './audit.schemas.js';
import type { AuditService } from './audit.service.js';

/** Owners in person: the log records what tokens did, so a token must not read or page it. */
const owners = { roles: ['OWNER'], token: false } as const;

export function registerAuditRoutes(
  app: FastifyTypeBox,
  { auditService }: { auditService: AuditService },
): void {
  app.get(
    '/api/audit-log',
    {
      config: { access: owners },
      schema: {
        operationId: 'listAuditLog',
        tags: ['Audit log'],
        summary: 'List admin actions (Owners only)',
        description:
          'Every successful change made by staff or API tokens: locations, points, checklists, users, API tokens, devices, webhooks, alert rules, tasks and issues. Newest first; pages follow the `Link: <…>; rel="next"` header.',
        querystring: ListAuditLogQuerySchema,
        response: { 200: Type.Array(AuditLogEntrySchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { entries, nextCursor } = await auditService.listAuditLog(actorOf(request), {
        ...request.query,
        limit: request.query.limit ?? DEFAULT_PAGE_SIZE,
      });
      setNextPageLink(reply, '/api/audit-log', request.query, nextCursor);
      return entries;
    },
  );
}
