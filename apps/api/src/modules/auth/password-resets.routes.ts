import type { FastifyTypeBox } from '../../server.js';
import { problemResponses } from '../../shared/problem.schemas.js';
import type { PasswordResetService } from './password-resets.js';
import {
  RequestPasswordResetBodySchema,
  ResetPasswordBodySchema,
} from './password-resets.schemas.js';

const tags = ['Session'];

/** Password reset by e-mailed link, for people who cannot sign in. */
export function registerPasswordResetRoutes(
  app: FastifyTypeBox,
  { passwordResetService }: { passwordResetService: PasswordResetService },
): void {
  app.post(
    '/api/password-resets',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'requestPasswordReset',
        tags,
        summary: 'E-mail a link to choose a new password',
        description:
          'Answers 202 whether or not the address has an account, so the answer reveals nothing about it. ' +
          'The link works once, within 1 hour. At most 3 e-mails go to one address per hour; further requests are accepted but send nothing.',
        body: RequestPasswordResetBodySchema,
        response: {
          202: {
            type: 'null',
            description: 'Accepted; if the address has an account, a link is on its way',
          },
          ...problemResponses(400),
        },
      },
    },
    async (request, reply) => {
      await passwordResetService.requestPasswordReset(request.body);
      // No body at all, as the document says. Fastify's types only accept `null` here, which
      // (unlike with a 204) it would send as the JSON text "null".
      return reply.code(202).send(undefined as unknown as null);
    },
  );

  app.post(
    '/api/password-resets/confirm',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'resetPassword',
        tags,
        summary: 'Choose a new password with the e-mailed link',
        description:
          'Signs the person out everywhere and lifts any sign-in pause of the account; sign in with the new password afterwards.',
        body: ResetPasswordBodySchema,
        response: {
          204: { type: 'null', description: 'Changed' },
          ...problemResponses(400),
        },
      },
    },
    async (request, reply) => {
      await passwordResetService.resetPassword(request.body);
      return reply.code(204).send(null);
    },
  );
}
