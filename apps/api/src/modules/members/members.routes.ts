import { Type } from 'typebox';
import type { FastifyTypeBox } from '../../server.js';
import { DEFAULT_PAGE_SIZE, setNextPageLink } from '../../shared/paging.js';
import { problemResponses } from '../../shared/problem.schemas.js';
import { ADMINISTRATORS, SUPERVISORS, actorOf } from '../auth/access.js';
import {
  CreateUserBodySchema,
  ListUsersQuerySchema,
  UpdateUserBodySchema,
  UserIdParamsSchema,
  UserSchema,
  UserVersionSchema,
} from './members.schemas.js';
import type { MembersService } from './members.service.js';

const readers = { roles: SUPERVISORS, token: true } as const;
const writers = { roles: ADMINISTRATORS, token: true } as const;
const tags = ['Users'];

/** The External API for people ("managing users" in the integration guide). */
export function registerMembersRoutes(
  app: FastifyTypeBox,
  { membersService }: { membersService: MembersService },
): void {
  app.get(
    '/api/users',
    {
      config: { access: readers },
      schema: {
        operationId: 'listUsers',
        tags,
        summary: 'List users',
        description:
          'Managers see the users who share a location with them. Pages follow the `Link: <…>; rel="next"` header.',
        querystring: ListUsersQuerySchema,
        response: { 200: Type.Array(UserSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { users, nextCursor } = await membersService.listUsers(actorOf(request), {
        limit: request.query.limit ?? DEFAULT_PAGE_SIZE,
        cursor: request.query.cursor ?? null,
        includeArchived: request.query.includeArchived ?? false,
      });
      setNextPageLink(reply, '/api/users', request.query, nextCursor);
      return users;
    },
  );

  app.post(
    '/api/users',
    {
      config: { access: writers },
      schema: {
        operationId: 'createUser',
        tags,
        summary: 'Create a user',
        description:
          'A user with an e-mail address is sent an invitation to choose a password. A GUARD needs a member number and PIN instead.',
        body: CreateUserBodySchema,
        response: { 201: UserSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await membersService.createUser(actorOf(request), request.body)),
  );

  app.get(
    '/api/users/:id',
    {
      config: { access: readers },
      schema: {
        operationId: 'getUser',
        tags,
        summary: 'Get a user',
        params: UserIdParamsSchema,
        response: { 200: UserSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => membersService.getUser(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: writers },
      schema: {
        operationId: 'updateUser',
        tags,
        summary: 'Change a user',
        description:
          'Only the fields sent change. Every change creates a new version (`historyId`).',
        params: UserIdParamsSchema,
        body: UpdateUserBodySchema,
        response: { 200: UserSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => membersService.updateUser(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/users/:id/history',
    {
      config: { access: readers },
      schema: {
        operationId: 'listUserHistory',
        tags,
        summary: 'List the versions of a user',
        params: UserIdParamsSchema,
        response: { 200: Type.Array(UserVersionSchema), ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => membersService.listUserHistory(actorOf(request), request.params.id),
  );

  app.post(
    '/api/users/:id/transfer-ownership',
    {
      config: { access: { roles: ['OWNER'], token: false } },
      schema: {
        operationId: 'transferOwnership',
        tags,
        summary: 'Hand the Owner role to this user; you become an Admin',
        description:
          'Only the Owner, signed in (not with an API token). The new Owner needs a personal account.',
        params: UserIdParamsSchema,
        response: { 200: UserSchema, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request) => membersService.transferOwnership(actorOf(request), request.params.id),
  );

  for (const [action, operationId, summary] of [
    ['archive', 'archiveUser', 'Archive a user: they can no longer sign in; their history stays'],
    ['restore', 'restoreUser', 'Restore an archived user'],
  ] as const) {
    app.post(
      `/api/users/:id/${action}`,
      {
        config: { access: writers },
        schema: {
          operationId,
          tags,
          summary,
          params: UserIdParamsSchema,
          response: { 200: UserSchema, ...problemResponses(401, 403, 404, 409) },
        },
      },
      async (request) =>
        action === 'archive'
          ? membersService.archiveUser(actorOf(request), request.params.id)
          : membersService.restoreUser(actorOf(request), request.params.id),
    );
  }
}
