/**
 * The baseline for task-executions.bench.ts: Fastify with the same validator compiler and the
 * same schemas as OpenPatrol's task-execution routes, answering from memory. GET
 * /api/task-executions/info serves, for each URL the benchmark asks for, the JSON array and Link
 * header captured from OpenPatrol's real response; POST /api/task-executions validates the body
 * and answers 201 with one captured execution. No authentication, database or recurrence: what
 * is left is HTTP, query and body validation and serialization by schema.
 *
 *   PORT=… CAPTURED_RESPONSES=/tmp/…/captured.json node --import tsx bench/bare-task-executions-server.ts
 */
import { readFileSync } from 'node:fs';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { Type } from 'typebox';
import { withUniqueSchemaIds } from '../src/shared/schema-ids.js';
import {
  CreateTaskExecutionBodySchema,
  TaskExecutionInfoQuerySchema,
  TaskExecutionInfoSchema,
  type TaskExecutionInfo,
} from '../src/modules/task-executions/task-executions.schemas.js';

/** What the benchmark hands over: captured responses by request URL (path and query). */
export interface CapturedResponses {
  readonly pages: Record<
    string,
    { readonly link: string | null; readonly body: TaskExecutionInfo[] }
  >;
  readonly created: TaskExecutionInfo;
}

const captured = JSON.parse(
  readFileSync(process.env.CAPTURED_RESPONSES ?? '', 'utf8'),
) as CapturedResponses;
const pages = new Map(Object.entries(captured.pages));
const TaskExecutionInfoResponseSchema = withUniqueSchemaIds(TaskExecutionInfoSchema);

const app = Fastify({ logger: false }).withTypeProvider<TypeBoxTypeProvider>();
// As in src/server.ts: TypeBox's compiler validates without mutating, unknown fields are a 400.
app.setValidatorCompiler(TypeBoxValidatorCompiler);

app.get(
  '/api/task-executions/info',
  {
    schema: {
      querystring: TaskExecutionInfoQuerySchema,
      response: { 200: Type.Array(TaskExecutionInfoResponseSchema) },
    },
  },
  async (request, reply) => {
    const page = pages.get(request.url);
    // A URL the benchmark did not capture is its mistake; the 500 makes autocannon count it.
    if (!page) throw new Error(`no response was captured for ${request.url}`);
    if (page.link) void reply.header('link', page.link);
    return page.body;
  },
);

app.post(
  '/api/task-executions',
  {
    schema: {
      body: CreateTaskExecutionBodySchema,
      response: { 201: TaskExecutionInfoResponseSchema },
    },
  },
  async (_request, reply) => reply.code(201).send(captured.created),
);

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.once('SIGTERM', () => void app.close());
