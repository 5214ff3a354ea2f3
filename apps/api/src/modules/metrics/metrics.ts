import { PerformanceObserver, constants as performanceConstants } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DatabaseHandle } from '../../database/database.js';
import type { Clock } from '../../shared/clock.js';
import { describeQueuedJobs, type QueuedJobs } from '../jobs/job-queue.js';
import type { FinishedJobAttempt } from '../jobs/worker.js';

/** How a webhook delivery attempt ended: RETRY means it failed and will be tried again. */
export type WebhookDeliveryOutcome = 'DELIVERED' | 'RETRY' | 'FAILED';

export interface Metrics {
  readonly registry: Registry;
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status_code'>;
  /** Counts a job attempt of this process's worker (WorkerOptions.onJobFinished). */
  observeJob(attempt: FinishedJobAttempt): void;
  /** Counts a webhook delivery attempt of this process's worker. */
  countWebhookDelivery(outcome: WebhookDeliveryOutcome): void;
}

/**
 * One registry per server instance (never prom-client's global one), so tests and several
 * servers in one process do not share counters.
 *
 * Counters and histograms are this process's own: Prometheus sums them over the instances. The
 * queue gauges are read from the shared database at scrape time, so every instance reports the
 * same values: aggregate them with max(), not sum().
 */
export function createMetrics({
  database,
  readDatabase = database,
  clock,
}: {
  database: DatabaseHandle;
  readDatabase?: DatabaseHandle;
  clock: Clock;
}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'openpatrol_' });
  const httpRequestDuration = new Histogram({
    name: 'openpatrol_http_request_duration_seconds',
    help: 'HTTP request duration by route template and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  watchLiveHeap(registry);

  const jobAttempts = new Counter({
    name: 'openpatrol_jobs_total',
    help: 'Background job attempts run by this process, by job type and outcome (COMPLETED, RETRY, FAILED).',
    labelNames: ['type', 'outcome'] as const,
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: 'openpatrol_job_duration_seconds',
    help: 'Background job attempt duration by job type, whatever the outcome.',
    labelNames: ['type'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  const webhookDeliveries = new Counter({
    name: 'openpatrol_webhook_deliveries_total',
    help: 'Webhook delivery attempts made by this process, by outcome (DELIVERED, RETRY, FAILED).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });

  // A scrape collects every metric at once, so both queue gauges share one read in flight.
  let queueRead: Promise<QueuedJobs[] | null> | undefined;
  function readQueue() {
    queueRead ??= describeQueuedJobs(database.db, clock.now())
      // A database that does not answer must not fail the whole scrape: the gauges go empty.
      .catch(() => null)
      .finally(() => {
        queueRead = undefined;
      });
    return queueRead;
  }
  new Gauge({
    name: 'openpatrol_jobs_queued',
    help: 'Background jobs due and not finished (running ones included), by job type; the same on every instance.',
    labelNames: ['type'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const queued of (await readQueue()) ?? []) this.set({ type: queued.type }, queued.count);
    },
  });
  new Gauge({
    name: 'openpatrol_jobs_queued_oldest_age_seconds',
    help: 'How long the longest-waiting due job of each type has been due; the same on every instance.',
    labelNames: ['type'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const queued of (await readQueue()) ?? [])
        this.set({ type: queued.type }, queued.oldestAgeMs / 1000);
    },
  });

  const pools = [
    { name: 'primary', handle: database },
    ...(readDatabase === database ? [] : [{ name: 'read', handle: readDatabase }]),
  ];
  // SQLite has one connection and no pool: the gauges exist only on PostgreSQL.
  if (pools.some(({ handle }) => handle.poolStatus)) {
    new Gauge({
      name: 'openpatrol_db_pool_connections',
      help: 'PostgreSQL connections of this process by pool (primary, read) and state (idle, busy).',
      labelNames: ['pool', 'state'] as const,
      registers: [registry],
      collect() {
        for (const { name, handle } of pools) {
          const status = handle.poolStatus?.();
          if (!status) continue;
          this.set({ pool: name, state: 'idle' }, status.idle);
          this.set({ pool: name, state: 'busy' }, status.total - status.idle);
        }
      },
    });
    new Gauge({
      name: 'openpatrol_db_pool_waiting_queries',
      help: 'Queries of this process waiting for a free PostgreSQL connection, by pool.',
      labelNames: ['pool'] as const,
      registers: [registry],
      collect() {
        for (const { name, handle } of pools) {
          const status = handle.poolStatus?.();
          if (status) this.set({ pool: name }, status.waiting);
        }
      },
    });
  }

  return {
    registry,
    httpRequestDuration,
    observeJob({ type, outcome, durationMs }) {
      jobAttempts.inc({ type, outcome });
      jobDuration.observe({ type }, durationMs / 1000);
    },
    countWebhookDelivery(outcome) {
      webhookDeliveries.inc({ outcome });
    },
  };
}

/** Shared by every registry of the process: one observer, however many servers (tests). */
let liveHeapBytes: number | undefined;
let liveHeapObserver: PerformanceObserver | undefined;

/**
 * The heap in use right after the last full garbage collection: what the process really keeps.
 * The heap in use at any other moment saws up and down with garbage not yet collected, so a
 * leak hides in its noise; this one grows only when something is kept (docs/reliability.md).
 */
function watchLiveHeap(registry: Registry) {
  liveHeapObserver ??= new PerformanceObserver((list) => {
    const full = list
      .getEntries()
      .some(
        (entry) =>
          (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ===
          performanceConstants.NODE_PERFORMANCE_GC_MAJOR,
      );
    if (full) liveHeapBytes = getHeapStatistics().used_heap_size;
  });
  liveHeapObserver.observe({ entryTypes: ['gc'] });
  new Gauge({
    name: 'openpatrol_heap_live_bytes',
    help: 'V8 heap in use right after the last full garbage collection (0 before the first).',
    registers: [registry],
    collect() {
      if (liveHeapBytes !== undefined) this.set(liveHeapBytes);
    },
  });
}
