import type { FastifyTypeBox } from '../../server.js';
import { HealthSchema, LivenessSchema, ReadinessSchema } from './health.schemas.js';
import type { HealthService } from './health.service.js';

export function registerHealthRoutes(
  app: FastifyTypeBox,
  { healthService }: { healthService: HealthService },
): void {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getHealth',
        tags: ['System'],
        summary: 'Check that the server and its database are up',
        description:
          'Needs no authentication. Answers 200 when a database query succeeds and 503 when it does not, ' +
          'so load balancers and uptime monitors can use it directly.',
        security: [],
        response: {
          200: {
            description: 'The server and its database are up',
            content: { 'application/json': { schema: HealthSchema } },
          },
          503: {
            description: 'The database is not answering',
            content: { 'application/json': { schema: HealthSchema } },
          },
        },
      },
    },
    async (_request, reply) => {
      const health = await healthService.checkHealth();
      // Monitors and proxies must always see the current state.
      void reply.header('cache-control', 'no-store');
      return reply.code(health.status === 'OK' ? 200 : 503).send(health);
    },
  );

  app.get(
    '/api/health/live',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getLiveness',
        tags: ['System'],
        summary: 'Check that this process answers (liveness probe)',
        description:
          'Needs no authentication and checks no dependency: a 200 means the process is running and its event loop is not stuck. ' +
          'Use it to decide when to restart a process; use /api/health/ready to decide whether to send it traffic.',
        security: [],
        response: {
          200: {
            description: 'The process answers',
            content: { 'application/json': { schema: LivenessSchema } },
          },
        },
      },
    },
    async (_request, reply) => {
      void reply.header('cache-control', 'no-store');
      return healthService.checkLiveness();
    },
  );

  app.get(
    '/api/health/ready',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getReadiness',
        tags: ['System'],
        summary: 'Check that this process can take traffic (readiness probe)',
        description:
          'Needs no authentication. Answers 200 when the database answers, every migration this server knows is applied, ' +
          'and the dependencies of this process are up (its background worker is polling, when it runs one); ' +
          '503 with the failed checks and their reasons otherwise.',
        security: [],
        response: {
          200: {
            description: 'Every check passed',
            content: { 'application/json': { schema: ReadinessSchema } },
          },
          503: {
            description: 'At least one check failed; `checks` says which and why',
            content: { 'application/json': { schema: ReadinessSchema } },
          },
        },
      },
    },
    async (_request, reply) => {
      const readiness = await healthService.checkReadiness();
      void reply.header('cache-control', 'no-store');
      return reply.code(readiness.status === 'READY' ? 200 : 503).send(readiness);
    },
  );
}
