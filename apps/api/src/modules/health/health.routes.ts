import type { FastifyTypeBox } from '../../server.js';
import { HealthSchema } from './health.schemas.js';
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
}
