import type { FastifyRequest } from 'fastify';
import type { FastifyTypeBox } from '../../server.js';
import type { RouteAccess } from './access.js';
import {
  authenticationRequired,
  csrfTokenMissing,
  forbidden,
  noOrganizationSelected,
} from './auth.errors.js';
import { SESSION_COOKIE, type AuthService } from './auth.service.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes that plugins register under /api without our route config; all are public reads. */
const PLUGIN_ROUTE_PREFIXES = ['/api/docs'];

/**
 * Resolves the caller of every /api request (API token or session cookie) and enforces the
 * route's declared access before the body is even read. Fails closed: a route under /api that
 * declares no access stops the server from starting.
 */
export function registerAccessControl(
  app: FastifyTypeBox,
  { authService }: { authService: AuthService },
): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  app.addHook('onRoute', (route) => {
    const isApi = route.url.startsWith('/api/') || route.url === '/api';
    const isPluginRoute = PLUGIN_ROUTE_PREFIXES.some((prefix) => route.url.startsWith(prefix));
    if (isApi && !isPluginRoute && route.config?.access === undefined) {
      throw new Error(`Route ${route.method.toString()} ${route.url} declares no config.access`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) return; // not an API route (pages, docs, metrics) or no route at all
    await authenticate(request, access);
    authorize(request, access);
  });

  async function authenticate(request: FastifyRequest, access: RouteAccess) {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      request.actor = await authService.authenticateToken(authorization);
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const authenticated = await authService.authenticateSession(cookie);
    if (!authenticated) return; // an ended session is the same as none
    // The cookie travels with every request the browser makes, including forged cross-site
    // ones; a write must also carry the token only our pages can read.
    if (
      UNSAFE_METHODS.has(request.method) &&
      access !== 'public' &&
      request.headers['x-csrf-token'] !== authenticated.session.csrfToken
    ) {
      throw csrfTokenMissing({
        detail: 'Send the csrfToken of GET /api/session in the X-CSRF-Token header.',
      });
    }
    request.session = authenticated.session;
    request.actor = authenticated.actor;
  }

  function authorize(request: FastifyRequest, access: RouteAccess) {
    if (access === 'public') return;
    if (access === 'signed-in') {
      if (!request.session) throw signInRequired();
      return;
    }
    const { actor } = request;
    if (!actor) {
      if (request.session)
        throw noOrganizationSelected({
          detail: 'Choose an organization with PUT /api/session/organization.',
        });
      throw signInRequired();
    }
    if (actor.kind === 'token' && !access.token) {
      throw forbidden({
        detail: 'API tokens cannot do this; an Owner must do it in the admin app.',
      });
    }
    if (actor.kind === 'member' && !access.roles.includes(actor.role)) {
      throw forbidden({ detail: `Your role (${actor.role}) does not allow this.` });
    }
  }
}

function signInRequired() {
  return authenticationRequired({
    detail: 'Sign in, or send "Authorization: Bearer <token>" with an External API token.',
    headers: { 'www-authenticate': 'Bearer realm="OpenPatrol"' },
  });
}
