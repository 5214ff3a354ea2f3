import { Type } from 'typebox';
import type { FastifyTypeBox } from '../../server.js';
import { problemResponses } from '../../shared/problem.schemas.js';
import { actorOf } from '../auth/access.js';
import {
  ApiTokenIdParamsSchema,
  ApiTokenSchema,
  CreateApiTokenBodySchema,
  CreatedApiTokenSchema,
} from './api-tokens.schemas.js';
import type { ApiTokensService } from './api-tokens.service.js';

/** Owners only, and never with a token: a leaked token must not be able to mint or revoke others. */
const ownersInPerson = { roles: ['OWNER'], token: false } as const;
const tags = ['API tokens'];

export function registerApiTokenRoutes(
  app: FastifyTypeBox,
  { apiTokensService }: { apiTokensService: ApiTokensService },
): void {
  app.get(
    '/api/api-tokens',
    {
      config: { access: ownersInPerson },
      schema: {
        operationId: 'listApiTokens',
        tags,
        summary: 'List the organization’s API tokens',
        response: { 200: Type.Array(ApiTokenSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => apiTokensService.listApiTokens(actorOf(request).organizationId),
  );

  app.post(
    '/api/api-tokens',
    {
      // The response carries the secret, which must never be stored for an Idempotency-Key replay.
      config: { access: ownersInPerson, idempotent: false },
      schema: {
        operationId: 'createApiToken',
        tags,
        summary: 'Create an API token',
        description:
          'The response carries the full token once. It acts with Owner rights in this organization, except managing tokens.',
        body: CreateApiTokenBodySchema,
        response: { 201: CreatedApiTokenSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await apiTokensService.createApiToken(actor.organizationId, {
        name: request.body.name,
        expiresAt: request.body.expiresAt ?? null,
        createdBy: actor.kind === 'member' ? actor.memberId : null,
      });
      // The only response that ever carries the secret must not be kept by any cache.
      return reply.code(201).header('cache-control', 'no-store').send(created);
    },
  );

  app.post(
    '/api/api-tokens/:id/revoke',
    {
      config: { access: ownersInPerson },
      schema: {
        operationId: 'revokeApiToken',
        tags,
        summary: 'Revoke an API token: it stops working at once',
        params: ApiTokenIdParamsSchema,
        response: { 200: ApiTokenSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) =>
      apiTokensService.revokeApiToken(actorOf(request).organizationId, request.params.id),
  );
}
