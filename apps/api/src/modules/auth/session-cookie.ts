import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.js';
import { SESSION_COOKIE, type StartedSession } from './auth.service.js';

/**
 * The attributes every credential cookie shares: out of reach of page scripts, not sent with
 * cross-site posts, and HTTPS-only whenever the server is published over HTTPS.
 */
export function credentialCookieOptions(config: Pick<Config, 'publicUrl'>) {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https://'),
    path: '/',
  } as const;
}

/** Hands the browser a started session; every way of signing in ends here. */
export function setSessionCookie(
  reply: FastifyReply,
  started: StartedSession,
  config: Pick<Config, 'publicUrl'>,
): FastifyReply {
  return reply.setCookie(SESSION_COOKIE, started.token, {
    ...credentialCookieOptions(config),
    expires: new Date(started.expiresAt),
  });
}
