import type { FastifyInstance, FastifyRequest } from 'fastify';
import { crossOriginRequestRefused } from './security-problems.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOWED_REQUEST_HEADERS = 'Authorization, Content-Type, Idempotency-Key, X-Request-Id';
/** What an integrator's page needs to read: paging, retries, rate limits, request ids. */
const EXPOSED_HEADERS = [
  'Link',
  'Location',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'RateLimit-Policy',
  'X-Request-Id',
  'Idempotent-Replayed',
  'Content-Disposition',
].join(', ');
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/**
 * CORS for the External API. Pages of the origins in CORS_ALLOWED_ORIGINS may call /api with a
 * Bearer token; no origin ever gets `Access-Control-Allow-Credentials`, so a browser never
 * shows another site a response to a request that carried our session cookie. A cross-origin
 * write that carries the session cookie is refused outright, before access control: the CSRF
 * token already stops it, this says so plainly and costs no database lookup.
 */
export function registerCors(
  app: FastifyInstance,
  {
    allowedOrigins,
    publicUrl,
    sessionCookie,
  }: { allowedOrigins: readonly string[]; publicUrl: string; sessionCookie: string },
): void {
  const allowed = new Set(allowedOrigins);
  const publicOrigin = new URL(publicUrl).origin;

  const isSameOrigin = (origin: string, request: FastifyRequest) =>
    origin === publicOrigin || origin === `${request.protocol}://${request.host}`.toLowerCase();

  app.addHook('onRequest', async (request, reply) => {
    if (!isApiPath(request.url)) return;
    const origin = originOf(request);
    if (origin === undefined) return;
    // Answers differ by Origin, so caches must keep them apart.
    void reply.header('vary', 'Origin');
    if (isSameOrigin(origin, request)) return;

    const carriesSession =
      request.headers.authorization === undefined &&
      request.headers.cookie?.includes(`${sessionCookie}=`) === true;
    if (carriesSession && UNSAFE_METHODS.has(request.method))
      throw crossOriginRequestRefused({
        detail: `Pages of ${origin} cannot act with an OpenPatrol session; integrations use an API token.`,
      });
    if (!allowed.has(origin)) return;
    void reply.header('access-control-allow-origin', origin);
    void reply.header('access-control-expose-headers', EXPOSED_HEADERS);
  });

  // Preflights: a browser asks before a cross-origin request with Authorization or JSON. An origin
  // that is not allowed gets the same empty answer without CORS headers, and its page is refused.
  app.options(
    '/api/*',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const origin = originOf(request);
      if (origin !== undefined && allowed.has(origin) && !isSameOrigin(origin, request)) {
        void reply.headers({
          'access-control-allow-methods': ALLOWED_METHODS,
          'access-control-allow-headers': ALLOWED_REQUEST_HEADERS,
          'access-control-max-age': PREFLIGHT_MAX_AGE_SECONDS,
        });
      }
      return reply.code(204).send();
    },
  );
}

function originOf(request: FastifyRequest): string | undefined {
  const origin = request.headers.origin;
  // "null" (sandboxed frames, files) stays a foreign origin that no setting can allow.
  return typeof origin === 'string' ? origin.toLowerCase() : undefined;
}

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}
