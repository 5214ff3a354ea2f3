import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import type { Logger } from 'pino';
import type { FastifyTypeBox } from '../../server.js';
import { OneLinePerRequestLog } from '../../shared/request-log.js';
import { registerHealthRoutes } from '../health/health.routes.js';
import type { HealthService } from '../health/health.service.js';
import type { Metrics } from './metrics.js';
import { registerMetricsRoutes } from './metrics.routes.js';

/**
 * The HTTP server of an `openpatrol worker` process (METRICS_PORT): /metrics and the health
 * probes, nothing else, so Prometheus scrapes workers like API processes and an orchestrator can
 * probe them. Nothing here reads a request body or needs credentials.
 */
export function createMetricsServer({
  logger,
  metrics,
  healthService,
}: {
  logger: Logger;
  metrics: Metrics;
  healthService: HealthService;
}): FastifyTypeBox {
  const loggerInstance: FastifyBaseLogger = logger;
  const app = Fastify({
    loggerInstance,
    logController: new OneLinePerRequestLog(),
    forceCloseConnections: true,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  registerMetricsRoutes(app, { metrics });
  registerHealthRoutes(app, { healthService });
  return app;
}
