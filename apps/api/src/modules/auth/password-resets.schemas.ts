import { Type, type Static } from 'typebox';

export const RequestPasswordResetBodySchema = Type.Object(
  {
    email: Type.String({
      format: 'email',
      maxLength: 254,
      description: 'The address of the account, in any letter case.',
    }),
  },
  { $id: 'RequestPasswordResetBody', additionalProperties: false },
);
export type RequestPasswordResetBody = Static<typeof RequestPasswordResetBodySchema>;

export const ResetPasswordBodySchema = Type.Object(
  {
    token: Type.String({
      minLength: 20,
      maxLength: 200,
      description: 'The `token` parameter of the link in the e-mail.',
    }),
    newPassword: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'At least 10 characters, not containing the name or e-mail address.',
    }),
  },
  { $id: 'ResetPasswordBody', additionalProperties: false },
);
export type ResetPasswordBody = Static<typeof ResetPasswordBodySchema>;
