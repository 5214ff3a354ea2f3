import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config.js';
import type { FastifyTypeBox } from '../../server.js';
import type { Clock } from '../../shared/clock.js';
import { problemResponses } from '../../shared/problem.schemas.js';
import { ADMINISTRATORS, actorOf } from '../auth/access.js';
import { SessionSchema } from '../auth/auth.schemas.js';
import type { AuthService } from '../auth/auth.service.js';
import { credentialCookieOptions, setSessionCookie } from '../auth/session-cookie.js';
import {
  AuthorizeDeviceBodySchema,
  DeviceIdParamsSchema,
  DeviceSchema,
  GuardSignInBodySchema,
  RegisterDeviceBodySchema,
  RegisteredDeviceSchema,
} from './devices.schemas.js';
import type { DevicesService } from './devices.service.js';

/** Holds the device's credential; only the device routes need it, so only they receive it. */
export const DEVICE_COOKIE = 'openpatrol_device';
const DEVICE_COOKIE_PATH = '/api/devices';
/** Browsers cap cookie lifetimes at 400 days; every guard sign-in renews it. */
const DEVICE_COOKIE_LIFETIME_MS = 400 * 24 * 60 * 60 * 1000;

const administrators = { roles: ADMINISTRATORS, token: true } as const;
const tags = ['Devices'];

/** Shared devices: registration by an Owner or Admin, authorization on the device, guard sign-in. */
export function registerDeviceRoutes(
  app: FastifyTypeBox,
  {
    devicesService,
    authService,
    config,
    clock,
  }: { devicesService: DevicesService; authService: AuthService; config: Config; clock: Clock },
): void {
  const deviceCookieOptions = () => ({
    ...credentialCookieOptions(config),
    path: DEVICE_COOKIE_PATH,
    expires: new Date(clock.now().getTime() + DEVICE_COOKIE_LIFETIME_MS),
  });
  const contextOf = (request: FastifyRequest) => ({
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  });

  app.get(
    '/api/devices',
    {
      config: { access: administrators },
      schema: {
        operationId: 'listDevices',
        tags,
        summary: 'List the organization’s shared devices',
        response: { 200: Type.Array(DeviceSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => devicesService.listDevices(actorOf(request)),
  );

  app.post(
    '/api/devices',
    {
      // The response carries the registration code, which must never be stored for an
      // Idempotency-Key replay (the database keeps only its hash).
      config: { access: administrators, idempotent: false },
      schema: {
        operationId: 'registerDevice',
        tags,
        summary: 'Register a shared device for guards',
        description:
          'The response carries a registration code once. Enter it on the device within 24 hours (POST /api/devices/authorize) to authorize it.',
        body: RegisterDeviceBodySchema,
        response: { 201: RegisteredDeviceSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const registered = await devicesService.registerDevice(actorOf(request), request.body);
      // The only response that ever carries the code must not be kept by any cache.
      return reply.code(201).header('cache-control', 'no-store').send(registered);
    },
  );

  app.post(
    '/api/devices/authorize',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'authorizeDevice',
        tags,
        summary: 'Authorize this device with its registration code',
        description:
          'Called on the shared device. Sets the device cookie guards sign in with; the code stops working. After 20 wrong codes from one address within 15 minutes, answers 429.',
        body: AuthorizeDeviceBodySchema,
        response: { 200: DeviceSchema, ...problemResponses(400, 429) },
      },
    },
    async (request, reply) => {
      const { device, credential } = await devicesService.authorizeDevice(
        request.body.code,
        contextOf(request),
      );
      return reply
        .setCookie(DEVICE_COOKIE, credential, deviceCookieOptions())
        .header('cache-control', 'no-store')
        .send(device);
    },
  );

  app.post(
    '/api/devices/guard-sign-in',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'signInGuard',
        tags,
        summary: 'Sign a guard in on this device with member number and PIN',
        description:
          'Needs the cookie of an authorized device. Sets the session cookie, replacing the session of the guard who used the device before. After 5 failures for a member number (20 on the device) within 15 minutes, sign-in pauses with 429.',
        body: GuardSignInBodySchema,
        response: { 200: SessionSchema, ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const deviceCredential = request.cookies[DEVICE_COOKIE];
      const started = await devicesService.signInGuard(request.body, {
        deviceCredential,
        replacedSession: request.session,
        context: contextOf(request),
      });
      setSessionCookie(reply, started, config);
      // signInGuard verified the credential, so renewing its cookie only extends its life.
      if (deviceCredential) reply.setCookie(DEVICE_COOKIE, deviceCredential, deviceCookieOptions());
      return reply.send(await authService.describeStartedSession(started));
    },
  );

  app.post(
    '/api/devices/:id/revoke',
    {
      config: { access: administrators },
      schema: {
        operationId: 'revokeDevice',
        tags,
        summary: 'Revoke a device: guards signed in on it are signed out at once',
        params: DeviceIdParamsSchema,
        response: { 200: DeviceSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => devicesService.revokeDevice(actorOf(request), request.params.id),
  );
}
