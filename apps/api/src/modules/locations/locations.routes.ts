import { Type } from 'typebox';
import type { FastifyTypeBox } from '../../server.js';
import { DEFAULT_PAGE_SIZE, setNextPageLink } from '../../shared/paging.js';
import { problemResponses } from '../../shared/problem.schemas.js';
import { ADMINISTRATORS, EVERY_ROLE, actorOf } from '../auth/access.js';
import {
  CreateLocationBodySchema,
  ListLocationsQuerySchema,
  LocationIdParamsSchema,
  LocationSchema,
  LocationVersionSchema,
  UpdateLocationBodySchema,
} from './locations.schemas.js';
import type { LocationsService } from './locations.service.js';

/** Everyone reads the locations they are assigned to; only Owners create them; Admins edit. */
const readers = { roles: EVERY_ROLE, token: true } as const;
const creators = { roles: ['OWNER'], token: true } as const;
const editors = { roles: ADMINISTRATORS, token: true } as const;
const tags = ['Locations'];

export function registerLocationRoutes(
  app: FastifyTypeBox,
  { locationsService }: { locationsService: LocationsService },
): void {
  app.get(
    '/api/locations',
    {
      config: { access: readers },
      schema: {
        operationId: 'listLocations',
        tags,
        summary: 'List locations',
        description:
          'Managers, Users and Guards see the locations assigned to them. Pages follow the `Link: <…>; rel="next"` header.',
        querystring: ListLocationsQuerySchema,
        response: { 200: Type.Array(LocationSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { locations, nextCursor } = await locationsService.listLocations(actorOf(request), {
        limit: request.query.limit ?? DEFAULT_PAGE_SIZE,
        cursor: request.query.cursor ?? null,
        includeArchived: request.query.includeArchived ?? false,
        search: request.query.search ?? null,
      });
      setNextPageLink(reply, '/api/locations', request.query, nextCursor);
      return locations;
    },
  );

  app.post(
    '/api/locations',
    {
      config: { access: creators },
      schema: {
        operationId: 'createLocation',
        tags,
        summary: 'Create a location (Owners only)',
        body: CreateLocationBodySchema,
        response: { 201: LocationSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await locationsService.createLocation(actorOf(request), request.body)),
  );

  app.get(
    '/api/locations/:id',
    {
      config: { access: readers },
      schema: {
        operationId: 'getLocation',
        tags,
        summary: 'Get a location',
        params: LocationIdParamsSchema,
        response: { 200: LocationSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => locationsService.getLocation(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/locations/:id',
    {
      config: { access: editors },
      schema: {
        operationId: 'updateLocation',
        tags,
        summary: 'Change a location',
        description:
          'Only the fields sent change. Every change creates a new version (`historyId`); executions keep the version they were planned with.',
        params: LocationIdParamsSchema,
        body: UpdateLocationBodySchema,
        response: { 200: LocationSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      locationsService.updateLocation(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/locations/:id/history',
    {
      config: { access: readers },
      schema: {
        operationId: 'listLocationHistory',
        tags,
        summary: 'List the versions of a location',
        params: LocationIdParamsSchema,
        response: { 200: Type.Array(LocationVersionSchema), ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => locationsService.listLocationHistory(actorOf(request), request.params.id),
  );

  for (const [action, operationId, summary] of [
    [
      'archive',
      'archiveLocation',
      'Archive a location: hidden from planning, its history and past executions stay',
    ],
    ['restore', 'restoreLocation', 'Restore an archived location'],
  ] as const) {
    app.post(
      `/api/locations/:id/${action}`,
      {
        config: { access: editors },
        schema: {
          operationId,
          tags,
          summary,
          params: LocationIdParamsSchema,
          response: { 200: LocationSchema, ...problemResponses(401, 403, 404) },
        },
      },
      async (request) =>
        action === 'archive'
          ? locationsService.archiveLocation(actorOf(request), request.params.id)
          : locationsService.restoreLocation(actorOf(request), request.params.id),
    );
  }
}
