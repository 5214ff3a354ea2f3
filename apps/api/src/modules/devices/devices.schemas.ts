import { Type, type Static } from 'typebox';
import { StringEnum } from '../../shared/string-enum.js';

export const DeviceSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String({ description: 'Where the device is used, e.g. "Front desk phone".' }),
    status: StringEnum(['PENDING', 'AUTHORIZED', 'REVOKED'], {
      description:
        'PENDING: registered, waiting for its code to be entered on the device. AUTHORIZED: guards can sign in on it. REVOKED: refused, and its guards signed out.',
    }),
    registrationExpiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description:
        'Until when the registration code can be entered; null once the device is authorized or revoked.',
    }),
    createdAt: Type.String({ format: 'date-time' }),
    authorizedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    lastSeenAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description: 'The last authorization or guard sign-in on the device.',
    }),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'Device', additionalProperties: false },
);
export type Device = Static<typeof DeviceSchema>;

export const RegisteredDeviceSchema = Type.Object(
  {
    ...DeviceSchema.properties,
    registrationCode: Type.String({
      description:
        'Enter it on the shared device within 24 hours to authorize it. Shown this once; it works once.',
    }),
  },
  { $id: 'RegisteredDevice', additionalProperties: false },
);

export const RegisterDeviceBodySchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }) },
  { $id: 'RegisterDeviceBody', additionalProperties: false },
);

export const AuthorizeDeviceBodySchema = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      maxLength: 20,
      description: 'The registration code; case, spaces and dashes do not matter.',
    }),
  },
  { $id: 'AuthorizeDeviceBody', additionalProperties: false },
);

export const GuardSignInBodySchema = Type.Object(
  {
    memberNumber: Type.String({ minLength: 1, maxLength: 20 }),
    pin: Type.String({ minLength: 1, maxLength: 8 }),
  },
  { $id: 'GuardSignInBody', additionalProperties: false },
);
export type GuardSignInBody = Static<typeof GuardSignInBodySchema>;

export const DeviceIdParamsSchema = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
