import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { FastifyTypeBox } from '../../server.js';
import { rateLimited } from '../../shared/security-problems.js';
import type { RateLimitSettings } from '../../shared/security-settings.js';
import type { RateLimitStore } from './rate-limit-store.js';

/** Load balancers poll health constantly; counting them would lock out the probe, not a caller. */
const UNLIMITED_PREFIXES = ['/api/health'];

interface Subject {
  readonly key: string;
  readonly limit: number;
  /** Who is counted, for the problem's detail. */
  readonly label: string;
}

/**
 * Rate limits on every /api route (DESIGN §3), counted per caller: an API token, a signed-in
 * person (across their organizations) or guard, or else the IP address. Authenticated callers
 * are not also counted by IP: a site's guards often share one address. Every counted answer
 * carries RateLimit-Limit, -Remaining, -Reset and -Policy (IETF draft
 * ratelimit-headers); beyond the limit it is a 429 problem with Retry-After.
 *
 * Runs after access control, which resolves the caller: a request refused there is not counted,
 * and guessing a token (32 random bytes) is hopeless anyway. If the store fails (Redis down),
 * requests pass: the API stays available and the failure is logged.
 */
export async function registerRateLimits(
  app: FastifyTypeBox,
  {
    store,
    settings,
    logger,
  }: { store: RateLimitStore; settings: RateLimitSettings; logger: Logger },
): Promise<void> {
  // Without Redis at start the server still starts (requests pass uncounted, see above) and
  // the client keeps reconnecting.
  await store.ready().catch((error: unknown) => {
    logger.error({ err: error }, 'rate-limit store unavailable at start; limits apply once it is');
  });
  const windowSeconds = Math.ceil(settings.windowMs / 1000);

  function subjectOf(request: FastifyRequest): Subject {
    const { actor, session } = request;
    if (actor?.kind === 'token')
      return { key: `token:${actor.tokenId}`, limit: settings.perToken, label: 'This API token' };
    const personId = session?.personId ?? null;
    if (personId !== null)
      return { key: `person:${personId}`, limit: settings.perPerson, label: 'You' };
    if (actor?.kind === 'member')
      return { key: `member:${actor.memberId}`, limit: settings.perPerson, label: 'You' };
    return { key: `ip:${request.ip}`, limit: settings.perIp, label: `Address ${request.ip}` };
  }

  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.access === undefined) return;
    const url = request.routeOptions.url ?? '';
    if (UNLIMITED_PREFIXES.some((prefix) => url.startsWith(prefix))) return;
    const subject = subjectOf(request);
    if (subject.limit === 0) return;

    let hit: { count: number; resetInMs: number };
    try {
      hit = await store.hit(subject.key, settings.windowMs);
    } catch (error) {
      logger.warn({ err: error }, 'rate-limit store unavailable; request not counted');
      return;
    }
    const resetSeconds = Math.max(1, Math.ceil(hit.resetInMs / 1000));
    const headers = {
      'ratelimit-limit': String(subject.limit),
      'ratelimit-remaining': String(Math.max(0, subject.limit - hit.count)),
      'ratelimit-reset': String(resetSeconds),
      'ratelimit-policy': `${subject.limit};w=${windowSeconds}`,
    };
    if (hit.count > subject.limit) {
      throw rateLimited({
        detail: `${subject.label} made more than ${subject.limit} requests in ${windowSeconds} s; retry in ${resetSeconds} s.`,
        headers: { ...headers, 'retry-after': String(resetSeconds) },
      });
    }
    void reply.headers(headers);
  });
}
