import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { RouteOptions } from 'fastify';
import type { FastifyTypeBox } from '../../server.js';
import { ProblemSchema } from '../../shared/problem.schemas.js';
import {
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeyHeaderSchema,
  isIdempotentOperation,
} from '../idempotency/idempotency.js';
import { hoistNamedSchemas, markNamedSchemas } from './openapi-document.js';
import { openPatrolLogoSvg } from './openpatrol-logo.js';

const description = `The OpenPatrol External API: plan patrols, cleaning rounds and inspections, and follow
their execution.

Authenticate with \`Authorization: Bearer <token>\`; an Owner creates tokens in the admin app under
Management → External API. Instants are ISO-8601 UTC with milliseconds, ids are UUIDs, absent values
are \`null\`. Every error is RFC 9457 \`application/problem+json\`. Send an \`Idempotency-Key\` header
with writes to retry them safely: a repeated request answers with the first response.`;

/**
 * Must be registered before any documented route: @fastify/swagger collects routes as they are
 * added.
 */
export async function registerOpenApi(
  app: FastifyTypeBox,
  { version }: { version: string },
): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OpenPatrol API',
        version,
        description,
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      // Routes live under /api; the document's paths are relative to it, as in the seed guide.
      servers: [{ url: '/api', description: 'This server' }],
      tags: [{ name: 'System', description: 'Health and service information.' }],
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            description: 'An External API token (`opk_…`) created by an Owner.',
          },
        },
      },
      security: [{ bearerAuth: [] }],
    },
    transform: ({ schema, url, route }) => ({
      schema: markNamedSchemas(withProblemResponse(withIdempotencyKeyHeader(schema, route))),
      url,
    }),
    transformObject: (documentObject) =>
      'openapiObject' in documentObject
        ? hoistNamedSchemas(documentObject.openapiObject)
        : documentObject.swaggerObject,
  });
}

/** The interactive reference at /api/docs, served from the package's own assets (no CDN). */
export async function registerApiDocsRoutes(app: FastifyTypeBox): Promise<void> {
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: {
      deepLinking: true,
      tryItOutEnabled: true,
      persistAuthorization: true,
      displayRequestDuration: true,
      // The public validator badge would call out to the internet.
      validatorUrl: null,
    },
    theme: { title: 'OpenPatrol API' },
    logo: {
      type: 'image/svg+xml',
      content: Buffer.from(openPatrolLogoSvg),
      href: '/',
      target: '_self',
    },
    staticCSP: true,
  });
}

/**
 * Any operation can answer with a problem (bad input, no access, overload), so each one documents
 * `default` as the Problem shape beside the statuses it lists itself.
 */
function withProblemResponse<T>(schema: T): T {
  if (schema === null || typeof schema !== 'object') return schema;
  const { response = {} } = schema as { response?: Record<string, unknown> };
  const problem = {
    description: 'A problem (RFC 9457)',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  };
  return { ...schema, response: { ...response, default: response.default ?? problem } };
}

/**
 * Writes that honour `Idempotency-Key` list it as an optional header parameter. Only the document
 * gets it: the route schemas declare no headers, so validation stays as it was and the hook in
 * the idempotency module checks the key.
 */
function withIdempotencyKeyHeader<T>(schema: T, route: RouteOptions): T {
  if (schema === null || typeof schema !== 'object') return schema;
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  if (!methods.some((method) => isIdempotentOperation(method, route.url, route.config))) {
    return schema;
  }
  const { headers } = schema as { headers?: { properties?: Record<string, unknown> } };
  return {
    ...schema,
    headers: {
      ...headers,
      type: 'object',
      properties: {
        ...headers?.properties,
        [IDEMPOTENCY_KEY_HEADER]: idempotencyKeyHeaderSchema,
      },
    },
  };
}
