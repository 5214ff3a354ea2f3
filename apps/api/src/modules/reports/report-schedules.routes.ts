import { Type } from 'typebox';
import type { FastifyTypeBox } from '../../server.js';
import { problemResponses } from '../../shared/problem.schemas.js';
import { SUPERVISORS, actorOf } from '../auth/access.js';
import {
  CreateReportScheduleBodySchema,
  ReportScheduleSchema,
  UpdateReportScheduleBodySchema,
} from './report-schedules.schemas.js';
import type { ReportSchedulesService } from './report-schedules.service.js';

const tags = ['Reports'];
const IdParams = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
// A schedule reads as the member who owns it, so members make them; API tokens use the report
// route directly.
const access = { roles: SUPERVISORS, token: false } as const;

export function registerReportScheduleRoutes(
  app: FastifyTypeBox,
  { reportSchedulesService }: { reportSchedulesService: ReportSchedulesService },
): void {
  app.get(
    '/api/report-schedules',
    {
      config: { access },
      schema: {
        operationId: 'listReportSchedules',
        tags,
        summary: 'List scheduled reports',
        description: 'Owners and Admins see every schedule; Managers see their own.',
        response: { 200: Type.Array(ReportScheduleSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => reportSchedulesService.listSchedules(actorOf(request)),
  );

  app.post(
    '/api/report-schedules',
    {
      config: { access },
      schema: {
        operationId: 'createReportSchedule',
        tags,
        summary: 'E-mail the executions report daily or weekly',
        description:
          'At `hour` in `timeZone` (each day, or on `weekday`), the executions report of the day or seven days before is e-mailed to each recipient as a PDF, XLSX or CSV attachment. It is made as you see the locations when it is sent.',
        body: CreateReportScheduleBodySchema,
        response: { 201: ReportScheduleSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await reportSchedulesService.createSchedule(actorOf(request), request.body)),
  );

  app.get(
    '/api/report-schedules/:id',
    {
      config: { access },
      schema: {
        operationId: 'getReportSchedule',
        tags,
        summary: 'A scheduled report',
        params: IdParams,
        response: { 200: ReportScheduleSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => reportSchedulesService.getSchedule(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/report-schedules/:id',
    {
      config: { access },
      schema: {
        operationId: 'updateReportSchedule',
        tags,
        summary: 'Change a scheduled report',
        description:
          'Fields absent stay as they are. The next report goes at the first send time from now; periods skipped while disabled are not sent afterwards.',
        params: IdParams,
        body: UpdateReportScheduleBodySchema,
        response: { 200: ReportScheduleSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      reportSchedulesService.updateSchedule(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/report-schedules/:id',
    {
      config: { access },
      schema: {
        operationId: 'deleteReportSchedule',
        tags,
        summary: 'Stop and delete a scheduled report',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await reportSchedulesService.deleteSchedule(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
