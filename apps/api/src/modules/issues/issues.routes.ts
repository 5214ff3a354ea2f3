import { Type } from 'typebox';
import type { FastifyTypeBox } from '../../server.js';
import { DEFAULT_PAGE_SIZE, setNextPageLink } from '../../shared/paging.js';
import { problemResponses } from '../../shared/problem.schemas.js';
import { EVERY_ROLE, SUPERVISORS, actorOf } from '../auth/access.js';
import {
  CreateIssueBodySchema,
  CreateIssueCommentBodySchema,
  IssueCommentSchema,
  IssueDetailsSchema,
  IssueIdParamsSchema,
  IssueSchema,
  ListIssuesQuerySchema,
  UpdateIssueBodySchema,
} from './issues.schemas.js';
import type { IssuesService } from './issues.service.js';

/** Performers report issues from the field; what each caller then sees is the service's rule. */
const reporters = { roles: EVERY_ROLE, token: true } as const;
const handlers = { roles: SUPERVISORS, token: true } as const;
const tags = ['Issues'];

/** The External API for issues: incidents and defects reported from the field, and their comments. */
export function registerIssueRoutes(
  app: FastifyTypeBox,
  { issuesService }: { issuesService: IssuesService },
): void {
  app.get(
    '/api/issues',
    {
      config: { access: reporters },
      schema: {
        operationId: 'listIssues',
        tags,
        summary: 'List issues',
        description:
          'Newest first (by when the server received them). Owners, Admins and tokens see every issue, Managers those at their locations, Users and Guards the ones they reported. Filters combine with AND; a list filter matches any of its values. For incremental polling pass updatedSince. Pages follow the `Link: <…>; rel="next"` header.',
        querystring: ListIssuesQuerySchema,
        response: { 200: Type.Array(IssueSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const limit = request.query.limit ?? DEFAULT_PAGE_SIZE;
      const { issues, nextCursor } = await issuesService.listIssues(actorOf(request), {
        ...request.query,
        limit,
      });
      setNextPageLink(reply, '/api/issues', { ...request.query, limit }, nextCursor);
      return issues;
    },
  );

  app.post(
    '/api/issues',
    {
      config: { access: reporters },
      schema: {
        operationId: 'createIssue',
        tags,
        summary: 'Report an issue',
        description:
          'At a location the caller sees, optionally at one of its points, with media uploaded beforehand. The issue gets the organization’s next number and starts OPEN. Send a clientId generated on the device: a retry with it answers 200 with the issue created the first time.',
        body: CreateIssueBodySchema,
        response: {
          200: IssueSchema,
          201: IssueSchema,
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const { issue, created } = await issuesService.createIssue(actorOf(request), request.body);
      return reply.code(created ? 201 : 200).send(issue);
    },
  );

  app.get(
    '/api/issues/:id',
    {
      config: { access: reporters },
      schema: {
        operationId: 'getIssue',
        tags,
        summary: 'Get an issue with its comments',
        params: IssueIdParamsSchema,
        response: { 200: IssueDetailsSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => issuesService.getIssue(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/issues/:id',
    {
      config: { access: handlers },
      schema: {
        operationId: 'updateIssue',
        tags,
        summary: 'Change an issue’s status, severity or category',
        description:
          'Status moves OPEN → ACKNOWLEDGED → RESOLVED, or OPEN → RESOLVED; a RESOLVED issue can be reopened (→ OPEN) with a comment saying why. Any other move is a 409. Sending the current status again changes nothing. A comment, when sent, is added to the issue; with a status change it records the change.',
        params: IssueIdParamsSchema,
        body: UpdateIssueBodySchema,
        response: { 200: IssueDetailsSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => issuesService.updateIssue(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/issues/:id/comments',
    {
      config: { access: reporters },
      schema: {
        operationId: 'createIssueComment',
        tags,
        summary: 'Comment on an issue',
        description: 'Anyone who can see the issue may comment on it.',
        params: IssueIdParamsSchema,
        body: CreateIssueCommentBodySchema,
        response: { 201: IssueCommentSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await issuesService.commentOnIssue(
            actorOf(request),
            request.params.id,
            request.body.body,
          ),
        ),
  );
}
