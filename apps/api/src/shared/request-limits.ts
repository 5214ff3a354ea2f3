import type { ServerOptions } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { SecurityConfig } from './security-settings.js';

/**
 * Size and time limits per route class (docs/security.md):
 * - bodies: routes anyone may call (sign-in, sign-up, password resets) accept
 *   PUBLIC_BODY_LIMIT_BYTES, everything else BODY_LIMIT_BYTES; media uploads keep their own
 *   MEDIA_MAX_BYTES, enforced by the multipart parser;
 * - time: the socket-level timeouts below, and HANDLER_TIMEOUT_MS for reads only.
 */

/** Socket-level limits for the Fastify constructor. */
export function serverTimeoutOptions(security: SecurityConfig): {
  requestTimeout: number;
  connectionTimeout: number;
  keepAliveTimeout: number;
  http: ServerOptions | null;
} {
  return {
    requestTimeout: security.requestTimeoutMs,
    connectionTimeout: security.connectionTimeoutMs,
    keepAliveTimeout: security.keepAliveTimeoutMs,
    // Node checks request timeouts on this interval (30 s by default), so a short limit needs a
    // shorter interval to be kept with some precision.
    http:
      security.requestTimeoutMs > 0
        ? {
            connectionsCheckingInterval: Math.min(
              30_000,
              Math.max(250, Math.floor(security.requestTimeoutMs / 4)),
            ),
          }
        : null,
  };
}

/**
 * Must be registered before the routes: it sets their limits as they are added. Writes get no
 * handler timeout, because a write cut short may still commit after the 503 and invite a retry
 * that repeats it; media routes stream large files and are bounded by the socket timeouts.
 */
export function registerRouteLimits(
  app: FastifyInstance,
  {
    bodyLimitBytes,
    security: { publicBodyLimitBytes, handlerTimeoutMs },
  }: { bodyLimitBytes: number; security: SecurityConfig },
): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    if (route.config?.access === 'public' && route.bodyLimit === undefined)
      // Never more than the server-wide limit: the public class is a stricter one.
      route.bodyLimit = Math.min(publicBodyLimitBytes, bodyLimitBytes);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const isRead = methods.every((method) => method === 'GET' || method === 'HEAD');
    if (
      isRead &&
      handlerTimeoutMs > 0 &&
      route.handlerTimeout === undefined &&
      !route.url.startsWith('/api/media')
    )
      route.handlerTimeout = handlerTimeoutMs;
  });
}
