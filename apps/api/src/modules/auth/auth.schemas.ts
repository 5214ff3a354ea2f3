import { Type, type Static } from 'typebox';
import { RoleSchema } from '../members/members.schemas.js';

const EmailSchema = Type.String({ format: 'email', maxLength: 254 });
const PasswordSchema = Type.String({ minLength: 1, maxLength: 200 });

export const SessionSchema = Type.Object(
  {
    person: Type.Union([
      Type.Object(
        {
          id: Type.String({ format: 'uuid' }),
          email: Type.String(),
          firstName: Type.String(),
          lastName: Type.String(),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    organizationId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
      description: 'The organization the session acts in.',
    }),
    memberId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    memberships: Type.Array(
      Type.Object(
        {
          organizationId: Type.String(),
          organizationName: Type.String(),
          memberId: Type.String(),
          role: RoleSchema,
        },
        { additionalProperties: false },
      ),
      { description: 'Every organization the person can switch to.' },
    ),
    csrfToken: Type.String({
      description: 'Send it as X-CSRF-Token with every write made with this session’s cookie.',
    }),
    expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'Session', additionalProperties: false },
);
export type SessionView = Static<typeof SessionSchema>;

export const SignInBodySchema = Type.Object(
  { email: EmailSchema, password: PasswordSchema },
  { $id: 'SignInBody', additionalProperties: false },
);

export const SignUpBodySchema = Type.Object(
  {
    organizationName: Type.String({ minLength: 1, maxLength: 120 }),
    timeZone: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'IANA time zone, e.g. Europe/Kyiv. Default UTC.',
      }),
    ),
    owner: Type.Object(
      {
        firstName: Type.String({ minLength: 1, maxLength: 100 }),
        lastName: Type.String({ minLength: 1, maxLength: 100 }),
        email: EmailSchema,
        password: Type.String({
          minLength: 1,
          maxLength: 200,
          description: 'At least 10 characters.',
        }),
      },
      { additionalProperties: false },
    ),
  },
  { $id: 'SignUpBody', additionalProperties: false },
);

export const SwitchOrganizationBodySchema = Type.Object(
  { organizationId: Type.String({ format: 'uuid' }) },
  { $id: 'SwitchOrganizationBody', additionalProperties: false },
);

export const ChangePasswordBodySchema = Type.Object(
  { currentPassword: PasswordSchema, newPassword: PasswordSchema },
  { $id: 'ChangePasswordBody', additionalProperties: false },
);

export const AcceptInvitationBodySchema = Type.Object(
  {
    token: Type.String({ minLength: 20, maxLength: 200, description: 'From the invitation link.' }),
    password: Type.Optional(
      Type.Union([PasswordSchema, Type.Null()], {
        description: 'Required when the address has no account yet.',
      }),
    ),
  },
  { $id: 'AcceptInvitationBody', additionalProperties: false },
);
