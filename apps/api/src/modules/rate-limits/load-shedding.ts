import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../database/database.js';
import { overloaded } from '../../shared/security-problems.js';
import type { TrustProxy } from '../../shared/security-settings.js';
import { readAcceptQueue } from './accept-queue.js';

/** Probes must see the process as it is, and answering them costs next to nothing. */
const EXEMPT_PREFIXES = ['/api/health', '/metrics'];
const SAMPLE_INTERVAL_MS = 500;
/**
 * One long synchronous stretch (a module loading, a big report) delays a single tick and then
 * passes; saturation delays every tick, interval after interval. Shedding waits for the second.
 */
const LAGGING_INTERVALS_TO_SHED = 2;
/**
 * A turn that has read more requests than this is working through a backlog. Fewer are a few
 * people's pages loading at once (a browser sends up to six requests in parallel) beside a slow
 * report, and are served however long the turn ran; a flood reads hundreds a turn.
 */
const BACKLOG_REQUESTS = 32;

export interface LoadSheddingSettings {
  readonly maxInFlightRequests: number;
  readonly maxEventLoopDelayMs: number;
  readonly maxQueueDelayMs: number;
  readonly maxDatabaseWaitMs: number;
  /** Behind a proxy a connection carries many clients' requests: none is held for another's. */
  readonly trustProxy: TrustProxy;
}

/**
 * Load shedding: beyond capacity a request is answered 503 at once (with Retry-After) instead of
 * queueing behind the others until every client times out. Registered first, so a shed request
 * costs no session lookup. Five signals, each for a way a process fills up:
 *
 * - **Queue delay** (`maxQueueDelayMs`): requests that wait in the kernel's socket buffers are
 *   invisible to the process until the event loop reads them, and it reads every ready socket of
 *   a turn before it looks at timers again. On SQLite a request is served synchronously within
 *   its read, so a flood makes one turn serve a thousand requests back to back and the last ones
 *   wait seconds. Once a turn has run longer than the limit with a backlog read, the requests it
 *   still reads have waited at least that long. When turns have run that long for four times the
 *   limit (one second by default), they are shed, cheaply, and the turn ends soon; one long turn
 *   alone (a garbage collection, the CPU taken by another process) is not a backlog.
 * - **Accept queue** (with the queue delay): new connections wait in the kernel until accepted,
 *   one per turn. When turns that each accepted one follow each other, the process reads the
 *   queue's length (Linux); if as many turns would take longer than the limit, and have for four
 *   times the limit, a turn serves for 5 ms and sheds the rest, so turns stay short and
 *   connections are accepted at hundreds a second instead of a few.
 * - **Standing queue** (`maxDatabaseWaitMs`): on PostgreSQL admitted requests wait for a pool
 *   connection instead. When even the shortest wait for a connection was longer than the limit
 *   in every window of a second, nothing got through without queueing: a queue stands, and new
 *   requests are shed until a window without one (CoDel's insight: the minimum, not the mean,
 *   tells a standing queue from a burst). Slow requests do not count: only the wait in front of
 *   the database does.
 * - **In flight** (`maxInFlightRequests`): a hard cap on requests admitted and not answered.
 * - **Event-loop delay** (`maxEventLoopDelayMs`): the median tick delay of two half-second
 *   intervals in a row, for saturation the other two miss (work that is neither a request nor
 *   waiting for the database).
 *
 * Retry-After is 1–3 s, spread at random so shed clients do not all return in the same second.
 * A connection that asks again sooner is held until its time has come, then judged afresh (when
 * clients connect directly, not through a proxy named in TRUST_PROXY).
 */
export function registerLoadShedding(
  app: FastifyInstance,
  {
    maxInFlightRequests,
    maxEventLoopDelayMs,
    maxQueueDelayMs,
    maxDatabaseWaitMs,
    trustProxy,
  }: LoadSheddingSettings,
  database: Pick<DatabaseHandle, 'onConnectionWait'>,
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

  const turn = trackLoopTurns(maxQueueDelayMs, () => {
    const address = app.server.address();
    return typeof address === 'object' && address !== null ? readAcceptQueue(address.port) : null;
  });
  if (maxQueueDelayMs > 0) app.server.on('connection', () => turn.connectionAccepted());
  const queue = watchStandingQueue(maxDatabaseWaitMs);
  const stopWatchingWaits = database.onConnectionWait?.((waitedMs) => queue.observe(waitedMs));
  app.addHook('onClose', async () => {
    queue.stop();
    stopWatchingWaits?.();
  });

  // When each connection that was shed may ask again (the Retry-After it was given). Only when
  // clients connect directly: a proxy's connection carries the next request of another client.
  const holdsConnections = trustProxy === false;
  const retryAtBySocket = new WeakMap<object, number>();
  const shed = (socket: object, detail: string) => {
    const retryAfterS = 1 + Math.floor(Math.random() * 3);
    if (holdsConnections) retryAtBySocket.set(socket, performance.now() + retryAfterS * 1000);
    return overloaded({ detail, headers: { 'retry-after': String(retryAfterS) } });
  };

  app.addHook('onRequest', async (request, reply) => {
    if (EXEMPT_PREFIXES.some((prefix) => request.url.startsWith(prefix))) return;
    const socket = request.raw.socket;
    const retryAt = retryAtBySocket.get(socket);
    if (retryAt !== undefined) {
      retryAtBySocket.delete(socket);
      // A client that ignores Retry-After waits it out anyway: answering it at once would let it
      // flood the process with requests that are shed at full speed, starving admitted ones.
      const early = retryAt - performance.now();
      if (early > 0) await sleep(early);
      // Gone while held: nothing to answer, and counting it in flight would never be undone.
      if (socket.destroyed) throw shed(socket, 'The client left while held.');
    }
    const backlog = maxQueueDelayMs > 0 ? turn.backlog() : null;
    if (backlog === 'connections')
      throw shed(socket, 'New connections are waiting for the server; retry shortly.');
    if (backlog === 'requests')
      throw shed(socket, 'The server is working through a backlog of requests; retry shortly.');
    if (queue.isStanding())
      throw shed(
        socket,
        'Requests are waiting for the database longer than they should; retry shortly.',
      );
    if (isLagging) throw shed(socket, 'The server is too busy to answer now; retry shortly.');
    if (maxInFlightRequests > 0 && inFlight >= maxInFlightRequests)
      throw shed(
        socket,
        `The server is handling ${maxInFlightRequests} requests already; retry shortly.`,
      );
    inFlight += 1;
    // 'close' comes once per response, whether it finished or the client went away.
    reply.raw.once('close', () => {
      inFlight -= 1;
    });
  });
}

const QUEUE_WINDOW_MS = 200;
/** Fewer borrowings in a window are a quiet moment with a slow query, not a standing queue. */
const QUEUE_MIN_BORROWINGS = 8;
/**
 * Windows in a row (a second) that must all have queued: heavy load makes waits long now and
 * then and drains them again; only a queue that persists is more than the process can serve.
 */
const QUEUED_WINDOWS_TO_SHED = 5;

/** Whether every borrowing of a database connection has been waiting: see registerLoadShedding. */
function watchStandingQueue(maxDatabaseWaitMs: number) {
  let shortestWait = Number.POSITIVE_INFINITY;
  let borrowings = 0;
  let queuedWindows = 0;
  const sampler = setInterval(() => {
    const queued = borrowings > QUEUE_MIN_BORROWINGS && shortestWait > maxDatabaseWaitMs;
    queuedWindows = queued ? queuedWindows + 1 : 0;
    shortestWait = Number.POSITIVE_INFINITY;
    borrowings = 0;
  }, QUEUE_WINDOW_MS);
  sampler.unref();
  return {
    observe(waitedMs: number) {
      borrowings += 1;
      shortestWait = Math.min(shortestWait, waitedMs);
    },
    isStanding: () => maxDatabaseWaitMs > 0 && queuedWindows >= QUEUED_WINDOWS_TO_SHED,
    stop: () => clearInterval(sampler),
  };
}

/**
 * How long a queue delay above the limit must last, as a multiple of the limit, before shedding
 * starts (CoDel's interval): a garbage collection or a moment without the CPU makes one turn long
 * and passes; a backlog keeps every turn long.
 */
const QUEUE_DELAY_PERSISTENCE = 4;
/**
 * Node accepts one new connection per turn of the loop, so while connections wait in the kernel's
 * accept queue every turn accepts one. After this many such turns in a row the process reads the
 * queue's length (at most every ACCEPT_QUEUE_READ_MS). When that many turns of the recent length
 * have added up to more than the queue-delay limit for QUEUE_DELAY_PERSISTENCE times the limit, a
 * turn serves only for ACCEPT_QUEUE_TURN_MS and sheds the rest: short turns accept the waiting
 * connections quickly, where long ones would leave them to time out unseen. Heavy load with
 * clients opening new connections makes such a queue now and then, and empties it again.
 */
const ACCEPTING_TURNS_FOR_QUEUE = 3;
const ACCEPT_QUEUE_READ_MS = 100;
const ACCEPT_QUEUE_TURN_MS = 5;

/**
 * The turns of the event loop, as seen by the connections and requests they read: whether the
 * current one is working through a backlog. A turn begins when the loop stops waiting for I/O
 * (its idle time grows, `eventLoopUtilization`) or when the turn before it ends (the
 * `setImmediate` its first connection or request asked for runs), whichever came last. Nothing
 * runs while no request comes.
 */
function trackLoopTurns(maxQueueDelayMs: number, readAcceptQueue: () => number | null) {
  let startedAt = performance.now();
  let requestsRead = 0;
  let accepted = false;
  let lastIdle = performance.eventLoopUtilization().idle;
  let markPending = false;
  // Since when every turn has run longer than the limit; null while the last one did not.
  let delayedSince: number | null = null;
  // Turns in a row that accepted a connection, how long they last (a moving average), and when
  // the accept queue was last read.
  let acceptingTurns = 0;
  let acceptingTurnMs = 0;
  let acceptQueueReadAt = Number.NEGATIVE_INFINITY;
  // Since when every read of the queue has said it would take longer than the limit to accept.
  let acceptWaitingSince: number | null = null;
  const markTurnEnd = () => {
    markPending = false;
    const now = performance.now();
    if (now - startedAt > maxQueueDelayMs) delayedSince ??= startedAt;
    else delayedSince = null;
    if (accepted)
      acceptingTurnMs =
        acceptingTurns === 0 ? now - startedAt : 0.8 * acceptingTurnMs + 0.2 * (now - startedAt);
    acceptingTurns = accepted ? acceptingTurns + 1 : 0;
    if (acceptingTurns === 0) acceptWaitingSince = null;
    startedAt = now;
    requestsRead = 0;
    accepted = false;
  };
  const enterTurn = () => {
    const now = performance.now();
    const { idle } = performance.eventLoopUtilization();
    if (idle !== lastIdle) {
      // The loop waited for I/O: whatever queued before has been read and accepted.
      lastIdle = idle;
      startedAt = now;
      requestsRead = 0;
      accepted = false;
      delayedSince = null;
      acceptingTurns = 0;
      acceptWaitingSince = null;
    }
    if (!markPending) {
      markPending = true;
      setImmediate(markTurnEnd);
    }
    return now;
  };
  return {
    connectionAccepted(): void {
      enterTurn();
      accepted = true;
    },
    /**
     * What the request being read waited behind, if it waited too long: connections waiting to
     * be accepted, or a backlog of requests (more read this turn than a few pages loading at
     * once) in turns that have run longer than the limit for QUEUE_DELAY_PERSISTENCE times it.
     */
    backlog(): 'connections' | 'requests' | null {
      const now = enterTurn();
      requestsRead += 1;
      const elapsedMs = now - startedAt;
      if (acceptingTurns >= ACCEPTING_TURNS_FOR_QUEUE && elapsedMs > ACCEPT_QUEUE_TURN_MS) {
        if (now - acceptQueueReadAt > ACCEPT_QUEUE_READ_MS) {
          acceptQueueReadAt = now;
          const acceptWaitMs = (readAcceptQueue() ?? 0) * acceptingTurnMs;
          if (acceptWaitMs <= maxQueueDelayMs) acceptWaitingSince = null;
          else acceptWaitingSince ??= now;
        }
        if (
          acceptWaitingSince !== null &&
          now - acceptWaitingSince > QUEUE_DELAY_PERSISTENCE * maxQueueDelayMs
        )
          return 'connections';
      }
      if (elapsedMs <= maxQueueDelayMs || requestsRead <= BACKLOG_REQUESTS) return null;
      return now - (delayedSince ?? startedAt) > QUEUE_DELAY_PERSISTENCE * maxQueueDelayMs
        ? 'requests'
        : null;
    },
  };
}
