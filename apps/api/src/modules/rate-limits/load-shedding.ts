import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { overloaded } from '../../shared/security-problems.js';

/** Probes must see the process as it is, and answering them costs next to nothing. */
const EXEMPT_PREFIXES = ['/api/health', '/metrics'];
const SAMPLE_INTERVAL_MS = 500;
/**
 * One long synchronous stretch (a module loading, a big report) delays a single tick and then
 * passes; saturation delays every tick, interval after interval. Shedding waits for the second.
 */
const LAGGING_INTERVALS_TO_SHED = 2;

/**
 * Load shedding: beyond capacity a request is answered 503 at once (with Retry-After) instead of
 * queueing behind the others until every client times out. Capacity is exceeded when
 * MAX_IN_FLIGHT_REQUESTS requests are already being handled, or when the event loop lagged more
 * than MAX_EVENT_LOOP_DELAY_MS (the median tick delay of two half-second intervals in a row, so
 * one slow synchronous call does not shed, but sustained saturation does). Registered first, so a shed
 * request costs no session lookup.
 */
export function registerLoadShedding(
  app: FastifyInstance,
  {
    maxInFlightRequests,
    maxEventLoopDelayMs,
  }: { maxInFlightRequests: number; maxEventLoopDelayMs: number },
): void {
  let inFlight = 0;
  let laggingIntervals = 0;
  let isLagging = false;

  if (maxEventLoopDelayMs > 0) {
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    const sampler = setInterval(() => {
      laggingIntervals =
        histogram.percentile(50) / 1e6 > maxEventLoopDelayMs ? laggingIntervals + 1 : 0;
      isLagging = laggingIntervals >= LAGGING_INTERVALS_TO_SHED;
      histogram.reset();
    }, SAMPLE_INTERVAL_MS);
    sampler.unref();
    app.addHook('onClose', async () => {
      clearInterval(sampler);
      histogram.disable();
    });
  }

  app.addHook('onRequest', async (request, reply) => {
    if (EXEMPT_PREFIXES.some((prefix) => request.url.startsWith(prefix))) return;
    if (isLagging)
      throw overloaded({
        detail: 'The server is too busy to answer now; retry shortly.',
        headers: { 'retry-after': '1' },
      });
    if (maxInFlightRequests > 0 && inFlight >= maxInFlightRequests)
      throw overloaded({
        detail: `The server is handling ${maxInFlightRequests} requests already; retry shortly.`,
        headers: { 'retry-after': '1' },
      });
    inFlight += 1;
    // 'close' comes once per response, whether it finished or the client went away.
    reply.raw.once('close', () => {
      inFlight -= 1;
    });
  });
}
