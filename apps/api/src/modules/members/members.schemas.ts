import { Type, type Static } from 'typebox';
import { StringEnum } from '../../shared/string-enum.js';

export const RoleSchema = StringEnum(['OWNER', 'ADMIN', 'MANAGER', 'USER', 'GUARD'], {
  $id: 'Role',
  description:
    'OWNER: everything. ADMIN: everything but locations, billing, ownership and API tokens. ' +
    'MANAGER: their locations’ data, tasks. USER: performs tasks. GUARD: performs tasks on a shared device.',
});

/** Roles that can be given when creating or editing a user; OWNER only by ownership transfer. */
const AssignableRoleSchema = StringEnum(['ADMIN', 'MANAGER', 'USER', 'GUARD'], {
  description: 'OWNER is handed over by ownership transfer, never assigned.',
});

const NameSchema = Type.String({ minLength: 1, maxLength: 100 });
const EmailSchema = Type.String({ format: 'email', maxLength: 254 });
const PhoneSchema = Type.String({
  pattern: '^\\+?[0-9 ()-]{3,30}$',
  description: 'International format recommended, e.g. +380 44 123 4567.',
});
const MemberNumberSchema = Type.String({
  pattern: '^[A-Za-z0-9-]{1,20}$',
  description: 'What a guard types to sign in on a shared device.',
});
const PinSchema = Type.String({
  pattern: '^[0-9]{4,8}$',
  description: '4 to 8 digits; stored hashed, never returned.',
});
const LocationIdsSchema = Type.Array(Type.String({ format: 'uuid' }), {
  maxItems: 1000,
  uniqueItems: true,
});

export const UserSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    historyId: Type.Integer({
      description: 'The current version; executions record the version they were assigned with.',
    }),
    firstName: Type.String(),
    lastName: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
    role: RoleSchema,
    locationIds: Type.Array(Type.String({ format: 'uuid' }), {
      description: 'Assigned locations. Owners and Admins see all locations regardless.',
    }),
    memberNumber: Type.Union([Type.String(), Type.Null()], {
      description: 'Guards’ sign-in number.',
    }),
    archived: Type.Boolean({ description: 'Archived users cannot sign in; their history stays.' }),
    hasAccount: Type.Boolean({
      description:
        'Whether a personal account (e-mail + password) is linked: false until an invitation is accepted, and always for guards.',
    }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'User', additionalProperties: false },
);
export type User = Static<typeof UserSchema>;

export const CreateUserBodySchema = Type.Object(
  {
    firstName: NameSchema,
    lastName: NameSchema,
    email: Type.Optional(
      Type.Union([EmailSchema, Type.Null()], {
        description: 'Required unless the role is GUARD; an invitation is sent to it.',
      }),
    ),
    phone: Type.Optional(Type.Union([PhoneSchema, Type.Null()])),
    role: AssignableRoleSchema,
    locationIds: Type.Optional(LocationIdsSchema),
    memberNumber: Type.Optional(
      Type.Union([MemberNumberSchema, Type.Null()], { description: 'Required for GUARD.' }),
    ),
    pin: Type.Optional(
      Type.Union([PinSchema, Type.Null()], { description: 'Required for GUARD.' }),
    ),
  },
  { $id: 'CreateUserBody', additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBodySchema>;

export const UpdateUserBodySchema = Type.Object(
  {
    firstName: Type.Optional(NameSchema),
    lastName: Type.Optional(NameSchema),
    email: Type.Optional(Type.Union([EmailSchema, Type.Null()])),
    phone: Type.Optional(Type.Union([PhoneSchema, Type.Null()])),
    role: Type.Optional(AssignableRoleSchema),
    locationIds: Type.Optional(LocationIdsSchema),
    memberNumber: Type.Optional(Type.Union([MemberNumberSchema, Type.Null()])),
    pin: Type.Optional(PinSchema),
  },
  { $id: 'UpdateUserBody', additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBodySchema>;

export const UserVersionSchema = Type.Object(
  {
    historyId: Type.Integer(),
    firstName: Type.String(),
    lastName: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
    role: RoleSchema,
    locationIds: Type.Array(Type.String()),
    memberNumber: Type.Union([Type.String(), Type.Null()]),
    archived: Type.Boolean(),
    changedBy: Type.Union([Type.String(), Type.Null()], {
      description: 'Member id, or token:<id> for an API token.',
    }),
    createdAt: Type.String({ format: 'date-time', description: 'When this version began.' }),
  },
  { $id: 'UserVersion', additionalProperties: false },
);

export const UserIdParamsSchema = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

export const ListUsersQuerySchema = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    cursor: Type.Optional(
      Type.String({ maxLength: 200, description: 'From the Link header of the previous page.' }),
    ),
    includeArchived: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
