import { Type } from 'typebox';
import type { FastifyTypeBox } from '../../server.js';
import { problemResponses } from '../../shared/problem.schemas.js';
import { EVERY_ROLE, actorOf } from '../auth/access.js';
import type { CalendarService } from './calendar.service.js';

const CalendarFeedSchema = Type.Object(
  {
    createdAt: Type.String({ format: 'date-time' }),
    url: Type.Union([Type.String()], {
      description: 'The private feed URL: shown only when the feed is created.',
    }),
  },
  { $id: 'CalendarFeed', additionalProperties: false },
);
const CalendarFeedStatusSchema = Type.Object(
  { createdAt: Type.String({ format: 'date-time' }), url: Type.Null() },
  { additionalProperties: false },
);
const members = { roles: EVERY_ROLE, token: false } as const;
const tags = ['Calendar'];

/** A member's private ICS feed of their executions. */
export function registerCalendarRoutes(
  app: FastifyTypeBox,
  { calendarService }: { calendarService: CalendarService },
): void {
  app.get(
    '/api/calendar-feed',
    {
      config: { access: members },
      schema: {
        operationId: 'getCalendarFeed',
        tags,
        summary: 'Whether you have a calendar feed',
        response: { 200: CalendarFeedStatusSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => calendarService.getFeed(actorOf(request)),
  );

  app.post(
    '/api/calendar-feed',
    {
      config: { access: members, idempotent: false },
      schema: {
        operationId: 'createCalendarFeed',
        tags,
        summary: 'Create (or replace) your private calendar feed URL',
        description:
          'An ICS URL any calendar app can subscribe to: your executions from a day ago to 30 days ahead, in UTC. Anyone with the URL can read it; creating a new one ends the old.',
        response: { 201: CalendarFeedSchema, ...problemResponses(401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await calendarService.createFeed(actorOf(request))),
  );

  app.delete(
    '/api/calendar-feed',
    {
      config: { access: members },
      schema: {
        operationId: 'deleteCalendarFeed',
        tags,
        summary: 'End your calendar feed',
        response: { 204: Type.Null(), ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await calendarService.deleteFeed(actorOf(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/calendar/:feed',
    {
      // The secret in the URL is the credential, as calendar apps cannot send headers.
      config: { access: 'public' },
      schema: {
        operationId: 'getCalendarFeedIcs',
        tags,
        summary: 'A calendar feed (ICS)',
        params: Type.Object(
          { feed: Type.String({ maxLength: 200, description: '<secret>.ics' }) },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description: 'iCalendar text',
            content: { 'text/calendar': { schema: Type.String() } },
          },
          ...problemResponses(404),
        },
      },
    },
    async (request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(await calendarService.renderFeed(request.params.feed)),
  );
}
