import { defineProblem } from './app-error.js';

/** Problem types of the hardening layer (docs/security.md): CORS, rate limits, load shedding. */

export const crossOriginRequestRefused = defineProblem({
  type: 'cross-origin-request-refused',
  title: 'Cross-origin requests cannot use a session',
  status: 403,
});

export const rateLimited = defineProblem({
  type: 'rate-limited',
  title: 'Too many requests',
  status: 429,
});

export const overloaded = defineProblem({
  type: 'overloaded',
  title: 'The server is overloaded',
  status: 503,
});

export const requestTimedOut = defineProblem({
  type: 'request-timed-out',
  title: 'The request took too long',
  status: 503,
});
