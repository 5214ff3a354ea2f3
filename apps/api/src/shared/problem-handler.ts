import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isForeignKeyViolation, isUniqueViolation } from '../database/dialect.js';
import { AppError, type FieldLocation } from './app-error.js';
import type { Problem } from './problem.schemas.js';
import {
  conflict,
  internalError,
  malformedJson,
  notFound,
  payloadTooLarge,
  unsupportedMediaType,
  validationFailed,
} from './problems.js';
import { requestTimedOut } from './security-problems.js';
import { describeSchemaErrors, type SchemaError } from './validation.js';

const validationLocations: Record<string, FieldLocation> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

/**
 * The one place errors become responses: every failure, ours or the framework's, leaves as RFC
 * 9457 problem+json with the request id. Unexpected errors are logged in full and answered with
 * a generic 500 that reveals nothing of the internals.
 */
export function registerProblemHandling(
  app: FastifyInstance,
  { bodyLimitBytes }: { bodyLimitBytes: number },
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // Routes may have their own limit (shared/request-limits.ts); the detail names the one applied.
    const problem = toAppError(error, request.routeOptions.bodyLimit ?? bodyLimitBytes);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ problem: problem.type, detail: problem.detail }, 'request refused');
    return sendProblem(request, reply, problem);
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      notFound({ detail: `There is no ${request.method} ${pathOf(request)}.` }),
    ),
  );
}

/** The problem+json body of an error raised while handling `request`. */
export function problemBodyOf(request: FastifyRequest, error: AppError): Problem {
  return {
    type: error.type,
    title: error.title,
    status: error.status,
    detail: error.detail,
    instance: pathOf(request),
    requestId: request.id,
    errors: error.errors ? [...error.errors] : null,
  };
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
): FastifyReply {
  const body = problemBodyOf(request, error);
  return reply
    .code(error.status)
    .headers(error.headers)
    .type('application/problem+json')
    .send(body);
}

function toAppError(error: FastifyError, bodyLimitBytes: number): AppError {
  if (error instanceof AppError) return error;

  if (error.validation) {
    const location = validationLocations[error.validationContext ?? 'body'] ?? 'body';
    const errors = describeSchemaErrors(error.validation as unknown as SchemaError[]).map(
      (violation) => ({
        in: location,
        ...violation,
      }),
    );
    const fields = errors.map((field) => field.pointer || '(root)').join(', ');
    return validationFailed({
      detail: `Check ${fields} in the request ${describeLocation(location)}.`,
      errors,
    });
  }

  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return payloadTooLarge({
        detail: `The request body exceeds the limit of ${bodyLimitBytes} bytes.`,
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return unsupportedMediaType({ detail: 'Send the body as application/json.' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return malformedJson({ detail: 'The body is empty, but the content type says JSON.' });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return malformedJson({ detail: error.message });
    case 'FST_ERR_HANDLER_TIMEOUT':
      return requestTimedOut({
        detail: 'The server could not answer in time; retry later or ask for less.',
        headers: { 'retry-after': '5' },
      });
  }
  // JSON.parse failures reach us as a SyntaxError that Fastify marked 400.
  if (error instanceof SyntaxError && error.statusCode === 400)
    return malformedJson({ detail: error.message });

  if (isUniqueViolation(error))
    return conflict({
      detail: 'A record with the same unique values already exists.',
      cause: error,
    });
  if (isForeignKeyViolation(error))
    return conflict({
      detail: 'The request refers to a record that does not exist.',
      cause: error,
    });

  // Framework client errors (bad URL, bad headers) carry safe messages and a 4xx status.
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(
      {
        type: 'bad-request',
        title: 'The request could not be processed',
        status: error.statusCode,
      },
      { detail: error.message },
    );
  }
  return internalError({
    detail: 'An unexpected error occurred. Quote the request id when reporting it.',
    cause: error,
  });
}

function describeLocation(location: FieldLocation): string {
  return { body: 'body', query: 'query string', path: 'path', header: 'headers' }[location];
}

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? request.url;
}
