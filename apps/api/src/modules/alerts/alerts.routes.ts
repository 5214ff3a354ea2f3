import { Type } from 'typebox';
import type { FastifyTypeBox } from '../../server.js';
import { problemResponses } from '../../shared/problem.schemas.js';
import { StringEnum } from '../../shared/string-enum.js';
import { ADMINISTRATORS, EVERY_ROLE, SUPERVISORS, actorOf } from '../auth/access.js';
import {
  AlertRuleSchema,
  AlertSchema,
  CreateAlertRuleBodySchema,
  PanicBodySchema,
} from './alerts.schemas.js';
import type { AlertsService } from './alerts.service.js';

const tags = ['Alerts'];
const IdParams = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

export function registerAlertRoutes(
  app: FastifyTypeBox,
  { alertsService }: { alertsService: AlertsService },
): void {
  app.get(
    '/api/alert-rules',
    {
      config: { access: { roles: ADMINISTRATORS, token: true } },
      schema: {
        operationId: 'listAlertRules',
        tags,
        summary: 'List alert rules',
        response: { 200: Type.Array(AlertRuleSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => alertsService.listRules(actorOf(request)),
  );

  app.post(
    '/api/alert-rules',
    {
      config: { access: { roles: ADMINISTRATORS, token: true } },
      schema: {
        operationId: 'createAlertRule',
        tags,
        summary: 'Create an alert rule',
        description:
          'When the trigger happens (at the locations given, or all), an alert is raised and e-mailed to the first escalation step at once, then to each next step at its minutes until someone acknowledges it. Alerts are also sent as the alert.raised / alert.escalated webhook events.',
        body: CreateAlertRuleBodySchema,
        response: { 201: AlertRuleSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await alertsService.createRule(actorOf(request), request.body)),
  );

  app.delete(
    '/api/alert-rules/:id',
    {
      config: { access: { roles: ADMINISTRATORS, token: true } },
      schema: {
        operationId: 'disableAlertRule',
        tags,
        summary: 'Disable an alert rule (its alerts stay)',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await alertsService.deleteRule(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/alerts',
    {
      config: { access: { roles: SUPERVISORS, token: true } },
      schema: {
        operationId: 'listAlerts',
        tags,
        summary: 'The alerts inbox',
        description: 'Open alerts first, newest first (500 at most), at locations the caller sees.',
        querystring: Type.Object(
          { status: Type.Optional(StringEnum(['OPEN', 'ACKNOWLEDGED'])) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(AlertSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => alertsService.listAlerts(actorOf(request), request.query.status ?? null),
  );

  app.post(
    '/api/alerts/:id/acknowledge',
    {
      config: { access: { roles: SUPERVISORS, token: true } },
      schema: {
        operationId: 'acknowledgeAlert',
        tags,
        summary: 'Acknowledge an alert: its escalation stops',
        params: IdParams,
        response: { 200: AlertSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => alertsService.acknowledge(actorOf(request), request.params.id),
  );

  app.post(
    '/api/alerts/panic',
    {
      config: { access: { roles: EVERY_ROLE, token: false } },
      schema: {
        operationId: 'raisePanic',
        tags,
        summary: 'Panic button: alert the location’s supervisors now',
        body: PanicBodySchema,
        response: { 201: Type.Array(AlertSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await alertsService.panic(actorOf(request), request.body)),
  );
}
