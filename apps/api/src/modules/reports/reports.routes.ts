import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { FastifyTypeBox } from '../../server.js';
import { problemResponses } from '../../shared/problem.schemas.js';
import { withUniqueSchemaIds } from '../../shared/schema-ids.js';
import { StringEnum } from '../../shared/string-enum.js';
import { SUPERVISORS, actorOf } from '../auth/access.js';
import { ExecutionsSummaryQuerySchema, ExecutionsSummarySchema } from './reports.schemas.js';
import type { ReportsService } from './reports.service.js';

const ReportQuerySchema = Type.Object(
  {
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time', description: 'At most 31 days after from.' }),
    ids: Type.Optional(
      Type.String({
        maxLength: 37_000,
        description: 'Only these executions: ids separated by commas (e.g. one execution’s PDF).',
      }),
    ),
    locationIds: Type.Optional(Type.String({ maxLength: 37_000 })),
    states: Type.Optional(Type.String({ maxLength: 200 })),
    format: StringEnum(['csv', 'xlsx', 'pdf'], {
      description: 'CSV or XLSX for spreadsheets, PDF to send a client.',
    }),
  },
  { additionalProperties: false },
);

export function registerReportRoutes(
  app: FastifyTypeBox,
  { reportsService }: { reportsService: ReportsService },
): void {
  app.get(
    '/api/reports/summary',
    {
      config: { access: { roles: SUPERVISORS, token: true } },
      schema: {
        operationId: 'getExecutionsSummary',
        tags: ['Reports'],
        summary: 'Today at a glance and the last days’ counts (the dashboard)',
        description:
          'Per-day counts of executions by outcome over the last `days` days (today included), each location counted in its own calendar day, and today’s executions that need attention, are in progress or come next. Canceled executions are left out; Managers see their locations only.',
        querystring: ExecutionsSummaryQuerySchema,
        response: {
          200: withUniqueSchemaIds(ExecutionsSummarySchema),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => reportsService.summarizeExecutions(actorOf(request), request.query),
  );

  app.get(
    '/api/reports/executions',
    {
      config: { access: { roles: SUPERVISORS, token: true } },
      schema: {
        operationId: 'getExecutionsReport',
        tags: ['Reports'],
        summary: 'Executions report (CSV, XLSX or PDF)',
        description:
          'Every execution whose window overlaps [from, to) at the locations asked for (canceled ones included), with results, times in each location’s zone, and whether its event log verifies.',
        querystring: ReportQuerySchema,
        response: {
          200: {
            description: 'The report file',
            // Plain JSON Schema, not TypeBox: the body is a file, never serialised.
            content: {
              'text/csv': { schema: { type: 'string' } },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: { type: 'string', format: 'binary' },
              },
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
            },
          } as const,
          ...problemResponses(400, 401, 403, 422),
        },
      },
    },
    async (request, reply) => {
      const report = await reportsService.executionsReport(actorOf(request), request.query);
      // A file, not a serialised string: sent as is (the schema above only documents it).
      const file: FastifyReply = reply;
      return file
        .type(report.contentType)
        .header('content-disposition', `attachment; filename="${report.fileName}"`)
        .send(report.body);
    },
  );
}
