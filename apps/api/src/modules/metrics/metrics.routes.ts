import type { FastifyTypeBox } from '../../server.js';
import type { Metrics } from './metrics.js';

/**
 * Prometheus scrape endpoint at /metrics (outside /api: it is for operators, not integrators),
 * and the hook that times every request by its route template, so label cardinality stays bounded.
 */
export function registerMetricsRoutes(
  app: FastifyTypeBox,
  { metrics }: { metrics: Metrics },
): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpRequestDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
}
