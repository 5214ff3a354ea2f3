import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { DatabaseHandle } from '../../database/database.js';
import type { FastifyTypeBox } from '../../server.js';
import type { MembersService } from '../members/members.service.js';
import { problemResponses } from '../../shared/problem.schemas.js';
import { organizationNotFound } from '../organizations/organizations.errors.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import { EVERY_ROLE, actorOf, type SessionContext } from './access.js';
import { authenticationRequired } from './auth.errors.js';
import {
  AcceptInvitationBodySchema,
  ChangePasswordBodySchema,
  SessionSchema,
  SignInBodySchema,
  SignUpBodySchema,
  SwitchOrganizationBodySchema,
  type SessionView,
} from './auth.schemas.js';
import { SESSION_COOKIE, type AuthService, type StartedSession } from './auth.service.js';
import { setSessionCookie } from './session-cookie.js';

const tags = ['Session'];

/** The web apps' session API: sign-up, sign-in and out, the current session, organization switch, password change. */
export function registerAuthRoutes(
  app: FastifyTypeBox,
  {
    authService,
    organizationsService,
    membersService,
    database,
    config,
  }: {
    authService: AuthService;
    organizationsService: OrganizationsService;
    membersService: MembersService;
    database: DatabaseHandle;
    config: Config;
  },
): void {
  async function viewOf(session: SessionContext, expiresAt: string | null): Promise<SessionView> {
    const described = await authService.describeSession(session);
    return { ...described, csrfToken: session.csrfToken, expiresAt };
  }

  const viewOfStarted = (started: StartedSession) => authService.describeStartedSession(started);

  const sessionOf = (request: FastifyRequest): SessionContext => {
    if (!request.session) throw authenticationRequired({ detail: 'Sign in first.' });
    return request.session;
  };
  const contextOf = (request: FastifyRequest) => ({
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  });

  app.post(
    '/api/session/sign-up',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'signUp',
        tags,
        summary: 'Create an organization and its Owner, and sign in',
        body: SignUpBodySchema,
        response: { 201: SessionSchema, ...problemResponses(400, 409) },
      },
    },
    async (request, reply) => {
      const { organizationName, timeZone, owner } = request.body;
      const created = await organizationsService.createOrganization(
        { name: organizationName, timeZone: timeZone ?? 'UTC', owner },
        contextOf(request),
      );
      const started = created.session!;
      return setSessionCookie(reply, started, config)
        .code(201)
        .send(await viewOfStarted(started));
    },
  );

  app.post(
    '/api/session',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'signIn',
        tags,
        summary: 'Sign in with e-mail and password',
        description:
          'Sets the session cookie. After 5 failures for an account (20 from one address) within 15 minutes, sign-in pauses with 429.',
        body: SignInBodySchema,
        response: { 200: SessionSchema, ...problemResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const started = await authService.signIn(request.body, contextOf(request));
      return setSessionCookie(reply, started, config).send(await viewOfStarted(started));
    },
  );

  app.post(
    '/api/invitations/accept',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'acceptInvitation',
        tags,
        summary: 'Accept an invitation and sign in',
        description:
          'Creates the personal account (with the chosen password) or links the existing one with the invited address.',
        body: AcceptInvitationBodySchema,
        response: { 200: SessionSchema, ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const accepted = await membersService.acceptInvitation({
        token: request.body.token,
        password: request.body.password ?? null,
      });
      const started = await authService.startSession(database.db, accepted, contextOf(request));
      return setSessionCookie(reply, started, config).send(await viewOfStarted(started));
    },
  );

  app.get(
    '/api/session',
    {
      config: { access: 'signed-in' },
      schema: {
        operationId: 'getSession',
        tags,
        summary: 'The current session, with its CSRF token',
        response: { 200: SessionSchema, ...problemResponses(401) },
      },
    },
    async (request) => viewOf(sessionOf(request), null),
  );

  app.delete(
    '/api/session',
    {
      config: { access: 'signed-in' },
      schema: {
        operationId: 'signOut',
        tags,
        summary: 'Sign out',
        response: {
          204: { type: 'null', description: 'Signed out' },
          ...problemResponses(401, 403),
        },
      },
    },
    async (request, reply) => {
      await authService.signOut(sessionOf(request));
      return reply.clearCookie(SESSION_COOKIE, { path: '/' }).code(204).send(null);
    },
  );

  app.put(
    '/api/session/organization',
    {
      config: { access: 'signed-in' },
      schema: {
        operationId: 'switchOrganization',
        tags,
        summary: 'Act in another organization the person belongs to',
        body: SwitchOrganizationBodySchema,
        response: { 200: SessionSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      const membership = await authService.switchOrganization(session, request.body.organizationId);
      if (!membership)
        throw organizationNotFound({ detail: 'You are not a member of that organization.' });
      return viewOf(
        { ...session, organizationId: membership.organizationId, memberId: membership.memberId },
        null,
      );
    },
  );

  app.post(
    '/api/session/leave-organization',
    {
      config: { access: { roles: EVERY_ROLE, token: false } },
      schema: {
        operationId: 'leaveOrganization',
        tags,
        summary: 'Leave the current organization',
        description:
          'Archives your membership (its history stays) and ends this session. The only Owner must hand ownership over first (409).',
        response: {
          204: { type: 'null', description: 'Left' },
          ...problemResponses(401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      await membersService.leaveOrganization(actorOf(request));
      return reply.clearCookie(SESSION_COOKIE, { path: '/' }).code(204).send(null);
    },
  );

  app.post(
    '/api/session/password',
    {
      config: { access: 'signed-in' },
      schema: {
        operationId: 'changePassword',
        tags,
        summary: 'Change the password; other sessions are signed out',
        body: ChangePasswordBodySchema,
        response: {
          204: { type: 'null', description: 'Changed' },
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      await authService.changePassword(sessionOf(request), request.body);
      return reply.code(204).send(null);
    },
  );
}
