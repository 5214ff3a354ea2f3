import { Type, type Static } from 'typebox';
import { StringEnum } from './string-enum.js';

export const FieldErrorSchema = Type.Object(
  {
    in: StringEnum(['body', 'query', 'path', 'header'], {
      description: 'Which part of the request holds the value.',
    }),
    pointer: Type.String({
      description: 'JSON Pointer (RFC 6901) to the value, e.g. `/steps/0/pointId`.',
    }),
    detail: Type.String({ description: 'What is wrong with it.' }),
  },
  { $id: 'FieldError', additionalProperties: false },
);

/** RFC 9457 problem details, the body of every error response. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({
      description: 'Stable identifier of the problem type (`urn:openpatrol:problem:…`).',
    }),
    title: Type.String({ description: 'Short summary of the problem type.' }),
    status: Type.Integer({ description: 'The HTTP status code.' }),
    detail: Type.String({ description: 'What went wrong in this occurrence.' }),
    instance: Type.String({ description: 'The request path that produced the problem.' }),
    requestId: Type.String({
      description: 'Quote this when reporting the problem; it is in the server log.',
    }),
    errors: Type.Union([Type.Array(FieldErrorSchema), Type.Null()], {
      description: 'For validation problems, every offending field; otherwise null.',
    }),
  },
  { $id: 'Problem', additionalProperties: false },
);

export type Problem = Static<typeof ProblemSchema>;

/** Response entries for the problems a route can answer with, for its OpenAPI description. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: problemDescriptions[status] ?? 'Problem',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  );
}

const problemDescriptions: Record<number, string> = {
  400: 'The request is not valid',
  401: 'Authentication is missing or not valid',
  403: 'The caller may not do this',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'The request body is too large',
  415: 'Unsupported content type',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Temporarily unavailable',
};
