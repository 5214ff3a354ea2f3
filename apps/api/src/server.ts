import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import fastifyCookie from '@fastify/cookie';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { Dependencies } from './dependencies.js';
import { registerApiDocsRoutes, registerOpenApi } from './modules/api-docs/api-docs.routes.js';
import { registerApiTokenRoutes } from './modules/api-tokens/api-tokens.routes.js';
import { registerAccessControl } from './modules/auth/access-control.js';
import { registerChecklistRoutes } from './modules/checklists/checklists.routes.js';
import { registerAuthRoutes } from './modules/auth/auth.routes.js';
import { registerPasswordResetRoutes } from './modules/auth/password-resets.routes.js';
import { registerDeviceRoutes } from './modules/devices/devices.routes.js';
import { registerHealthRoutes } from './modules/health/health.routes.js';
import { registerIdempotency } from './modules/idempotency/idempotency.js';
import { registerIssueRoutes } from './modules/issues/issues.routes.js';
import { registerLocationRoutes } from './modules/locations/locations.routes.js';
import { registerMediaRoutes } from './modules/media/media.routes.js';
import { registerMembersRoutes } from './modules/members/members.routes.js';
import { registerMetricsRoutes } from './modules/metrics/metrics.routes.js';
import { registerPointRoutes } from './modules/points/points.routes.js';
import { registerCheckInRoutes } from './modules/task-executions/check-ins.routes.js';
import { registerWebhookRoutes } from './modules/webhooks/webhooks.routes.js';
import { registerCalendarRoutes } from './modules/calendar/calendar.routes.js';
import { registerReportRoutes } from './modules/reports/reports.routes.js';
import { registerReportScheduleRoutes } from './modules/reports/report-schedules.routes.js';
import { registerAlertRoutes } from './modules/alerts/alerts.routes.js';
import { registerAuditRoutes } from './modules/audit/audit.routes.js';
import { registerAuditTrail } from './modules/audit/audit-trail.js';
import { SESSION_COOKIE } from './modules/auth/auth.service.js';
import { registerLoadShedding } from './modules/rate-limits/load-shedding.js';
import { registerRateLimits } from './modules/rate-limits/rate-limits.js';
import { registerPerformingRoutes } from './modules/task-executions/performing.routes.js';
import { registerTaskExecutionRoutes } from './modules/task-executions/task-executions.routes.js';
import { registerClientSettingsRoutes } from './modules/web-apps/client-settings.routes.js';
import { registerWebAppRoutes } from './modules/web-apps/web-apps.routes.js';
import { registerProblemHandling } from './shared/problem-handler.js';
import { serviceUnavailable } from './shared/problems.js';
import { OneLinePerRequestLog } from './shared/request-log.js';
import { registerCors } from './shared/cors.js';
import { registerRouteLimits, serverTimeoutOptions } from './shared/request-limits.js';
import { registerSecurityHeaders } from './shared/security-headers.js';

export type FastifyTypeBox = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** A caller-supplied request id is kept (so logs join up across services) only if it looks sane. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

function generateRequestId(request: IncomingMessage): string {
  const supplied = request.headers['x-request-id'];
  return typeof supplied === 'string' && REQUEST_ID_PATTERN.test(supplied)
    ? supplied
    : randomUUID();
}

/** Builds the HTTP server from its dependencies; does not listen. */
export async function createServer(deps: Dependencies): Promise<FastifyTypeBox> {
  // Widened to Fastify's logger type, so route and plugin types do not depend on pino's.
  const loggerInstance: FastifyBaseLogger = deps.logger;
  const app = Fastify({
    loggerInstance,
    genReqId: generateRequestId,
    bodyLimit: deps.config.bodyLimitBytes,
    // In-flight requests finish on close; idle keep-alive sockets do not hold shutdown up.
    forceCloseConnections: 'idle',
    // Requests that arrive while closing get a 503 problem from the hook below, not Fastify's own body.
    return503OnClosing: false,
    logController: new OneLinePerRequestLog(),
    trustProxy: deps.config.security.trustProxy,
    ...serverTimeoutOptions(deps.config.security),
  }).withTypeProvider<TypeBoxTypeProvider>();

  // TypeBox's compiler validates without mutating: unknown body fields are rejected, never stripped.
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  let isClosing = false;
  app.addHook('preClose', async () => {
    isClosing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (isClosing) {
      throw serviceUnavailable({
        detail: 'This server is shutting down; retry the request.',
        headers: { 'retry-after': '1', connection: 'close' },
      });
    }
  });
  registerProblemHandling(app, { bodyLimitBytes: deps.config.bodyLimitBytes });
  registerLoadShedding(app, deps.config.security, deps.database);
  registerRouteLimits(app, deps.config);
  await registerSecurityHeaders(app, {
    publicUrl: deps.config.publicUrl,
    webAppDirectories: deps.webApps.map((webApp) => webApp.directory),
  });
  registerMetricsRoutes(app, deps);
  await app.register(fastifyCookie);
  registerCors(app, {
    allowedOrigins: deps.config.security.corsAllowedOrigins,
    publicUrl: deps.config.publicUrl,
    sessionCookie: SESSION_COOKIE,
  });
  registerAccessControl(app, deps);
  await registerRateLimits(app, {
    store: deps.rateLimitStore,
    settings: deps.config.security.rateLimits,
    logger: deps.logger,
  });
  registerIdempotency(app, deps);
  registerAuditTrail(app, deps);
  await registerOpenApi(app, { version: deps.version });

  registerHealthRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerPasswordResetRoutes(app, deps);
  registerMembersRoutes(app, deps);
  registerApiTokenRoutes(app, deps);
  registerDeviceRoutes(app, deps);
  registerLocationRoutes(app, deps);
  registerChecklistRoutes(app, deps);
  registerPointRoutes(app, deps);
  registerTaskExecutionRoutes(app, deps);
  registerPerformingRoutes(app, deps);
  registerCheckInRoutes(app, deps);
  registerWebhookRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerReportScheduleRoutes(app, deps);
  registerAlertRoutes(app, deps);
  registerIssueRoutes(app, deps);
  registerAuditRoutes(app, deps);
  await registerMediaRoutes(app, deps);
  registerClientSettingsRoutes(app, deps);

  await registerApiDocsRoutes(app);
  await registerWebAppRoutes(app, deps);
  return app;
}
