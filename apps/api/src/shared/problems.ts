import { defineProblem } from './app-error.js';

/** Problem types of the HTTP layer itself, shared by every module. */

export const validationFailed = defineProblem({
  type: 'validation-failed',
  title: 'The request is not valid',
  status: 400,
});

export const malformedJson = defineProblem({
  type: 'malformed-json',
  title: 'The request body is not valid JSON',
  status: 400,
});

export const payloadTooLarge = defineProblem({
  type: 'payload-too-large',
  title: 'The request body is too large',
  status: 413,
});

export const unsupportedMediaType = defineProblem({
  type: 'unsupported-media-type',
  title: 'The request body has an unsupported content type',
  status: 415,
});

export const notFound = defineProblem({
  type: 'not-found',
  title: 'Not found',
  status: 404,
});

export const conflict = defineProblem({
  type: 'conflict',
  title: 'The request conflicts with the current state',
  status: 409,
});

export const serviceUnavailable = defineProblem({
  type: 'service-unavailable',
  title: 'The service is temporarily unavailable',
  status: 503,
});

export const internalError = defineProblem({
  type: 'internal-error',
  title: 'Internal server error',
  status: 500,
});
