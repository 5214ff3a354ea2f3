import { Type } from 'typebox';
import type { FastifyTypeBox } from '../../server.js';
import { DEFAULT_PAGE_SIZE, setNextPageLink } from '../../shared/paging.js';
import { problemResponses } from '../../shared/problem.schemas.js';
import { ADMINISTRATORS, SUPERVISORS, actorOf } from '../auth/access.js';
import {
  ChecklistIdParamsSchema,
  ChecklistSchema,
  ChecklistVersionSchema,
  CreateChecklistBodySchema,
  ListChecklistsQuerySchema,
  UpdateChecklistBodySchema,
} from './checklists.schemas.js';
import type { ChecklistsService } from './checklists.service.js';

const readers = { roles: SUPERVISORS, token: true } as const;
const writers = { roles: ADMINISTRATORS, token: true } as const;
const tags = ['Checklists'];

/** The External API for checklist templates: reusable, ordered action lists a task step copies. */
export function registerChecklistRoutes(
  app: FastifyTypeBox,
  { checklistsService }: { checklistsService: ChecklistsService },
): void {
  app.get(
    '/api/checklists',
    {
      config: { access: readers },
      schema: {
        operationId: 'listChecklists',
        tags,
        summary: 'List checklists',
        description:
          'Sorted by name. Archived checklists only with `includeArchived=true`. Pages follow the `Link: <…>; rel="next"` header.',
        querystring: ListChecklistsQuerySchema,
        response: { 200: Type.Array(ChecklistSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { checklists, nextCursor } = await checklistsService.listChecklists(actorOf(request), {
        limit: request.query.limit ?? DEFAULT_PAGE_SIZE,
        cursor: request.query.cursor ?? null,
        includeArchived: request.query.includeArchived ?? false,
        search: request.query.search ?? null,
      });
      setNextPageLink(reply, '/api/checklists', request.query, nextCursor);
      return checklists;
    },
  );

  app.post(
    '/api/checklists',
    {
      config: { access: writers },
      schema: {
        operationId: 'createChecklist',
        tags,
        summary: 'Create a checklist',
        description:
          'At least one action; `order` values unique. Fields that do not belong to an action’s type are refused.',
        body: CreateChecklistBodySchema,
        response: { 201: ChecklistSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await checklistsService.createChecklist(actorOf(request), request.body)),
  );

  app.get(
    '/api/checklists/:id',
    {
      config: { access: readers },
      schema: {
        operationId: 'getChecklist',
        tags,
        summary: 'Get a checklist',
        params: ChecklistIdParamsSchema,
        response: { 200: ChecklistSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => checklistsService.getChecklist(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/checklists/:id',
    {
      config: { access: writers },
      schema: {
        operationId: 'updateChecklist',
        tags,
        summary: 'Change a checklist',
        description:
          'Only the fields sent change; `actions` replaces the whole list. Every change creates a new version (`historyId`); steps that copied the checklist keep their copy.',
        params: ChecklistIdParamsSchema,
        body: UpdateChecklistBodySchema,
        response: { 200: ChecklistSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      checklistsService.updateChecklist(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/checklists/:id',
    {
      config: { access: writers },
      schema: {
        operationId: 'archiveChecklist',
        tags,
        summary: 'Archive a checklist',
        description:
          'The checklist leaves the list and can no longer be copied; its history and the steps that copied it stay. Restore it with `POST /api/checklists/{id}/restore`.',
        params: ChecklistIdParamsSchema,
        response: {
          204: { type: 'null', description: 'Archived' },
          ...problemResponses(401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      await checklistsService.archiveChecklist(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/checklists/:id/restore',
    {
      config: { access: writers },
      schema: {
        operationId: 'restoreChecklist',
        tags,
        summary: 'Restore an archived checklist',
        params: ChecklistIdParamsSchema,
        response: { 200: ChecklistSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => checklistsService.restoreChecklist(actorOf(request), request.params.id),
  );

  app.get(
    '/api/checklists/:id/history',
    {
      config: { access: readers },
      schema: {
        operationId: 'listChecklistHistory',
        tags,
        summary: 'List the versions of a checklist',
        description: 'Every version’s full snapshot, oldest first, by increasing `historyId`.',
        params: ChecklistIdParamsSchema,
        response: { 200: Type.Array(ChecklistVersionSchema), ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => checklistsService.listChecklistHistory(actorOf(request), request.params.id),
  );
}
