import type { FastifyContextConfig, FastifyRequest } from 'fastify';
import type { FastifyTypeBox } from '../../server.js';
import type { AuditService } from './audit.service.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PERFORMER_ROLES = new Set(['USER', 'GUARD']);
/** Field names whose values never reach the log, in any letter case. */
const SECRET_FIELD = /password|secret|token|^pin$|apikey|credential/i;
const MAX_STRING_LENGTH = 200;
const MAX_ARRAY_ITEMS = 20;
const MAX_DEPTH = 3;
const MAX_SUMMARY_LENGTH = 4000;
const MAX_USER_AGENT_LENGTH = 300;

/**
 * Admin writes are the writes only staff may make: their access names no performer role (User,
 * Guard). What performers do in the field has its own tamper-evident event log; sign-in and
 * session routes are not changes to the organization.
 */
export function isAuditedOperation(
  method: string,
  url: string | undefined,
  config: FastifyContextConfig | undefined,
): boolean {
  if (!WRITE_METHODS.has(method.toUpperCase()) || url === undefined || !url.startsWith('/api/'))
    return false;
  const access = config?.access;
  return typeof access === 'object' && !access.roles.some((role) => PERFORMER_ROLES.has(role));
}

/**
 * The audit trail of every admin write, from one hook instead of a line in every module. An entry
 * is written after the change succeeded and before its response leaves, so a client that got a
 * 2xx knows the entry exists. It is not in the change's own transaction (that would mean threading
 * the hook into every service): a crash between the two loses that one entry, and an entry that
 * cannot be written is logged as an error while the committed change is still answered.
 * Replays of an Idempotency-Key changed nothing and are not logged again.
 */
export function registerAuditTrail(
  app: FastifyTypeBox,
  { auditService }: { auditService: AuditService },
): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const { routeOptions } = request;
    const status = reply.statusCode;
    if (status < 200 || status >= 300) return payload;
    if (!isAuditedOperation(request.method, routeOptions.url, routeOptions.config)) return payload;
    if (reply.getHeader('idempotent-replayed') !== undefined || request.actor === null)
      return payload;

    const params = (request.params ?? {}) as Record<string, unknown>;
    try {
      await auditService.recordAdminAction(request.actor, {
        operationId: routeOptions.schema?.operationId ?? `${request.method} ${routeOptions.url}`,
        method: request.method,
        path: request.url.split('?')[0] ?? request.url,
        statusCode: status,
        resourceType: resourceTypeOf(routeOptions.url ?? ''),
        resourceId: typeof params.id === 'string' ? params.id : idOf(payload),
        summary: summarizeChange(params, request.body),
        ip: request.ip,
        userAgent: userAgentOf(request),
        requestId: request.id,
      });
    } catch (error) {
      request.log.error({ err: error }, 'could not write the audit log entry');
    }
    return payload;
  });
}

/** `/api/users/:id/archive` → `users`: the collection, as integrators know it from the path. */
function resourceTypeOf(url: string): string {
  return url.split('/')[2] ?? 'unknown';
}

/** A created resource's id, from the JSON answer. */
function idOf(payload: unknown): string | null {
  if (typeof payload !== 'string' || !payload.startsWith('{')) return null;
  try {
    const id = (JSON.parse(payload) as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

function userAgentOf(request: FastifyRequest): string | null {
  const agent = request.headers['user-agent'];
  return typeof agent === 'string' ? agent.slice(0, MAX_USER_AGENT_LENGTH) : null;
}

/**
 * The path parameters besides the id and the fields sent, without secrets, long texts cut and
 * long lists shortened, so an entry stays small whatever was sent.
 */
export function summarizeChange(
  params: Record<string, unknown>,
  body: unknown,
): Record<string, unknown> | null {
  const summary: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) if (name !== 'id') summary[name] = value;
  if (body !== null && typeof body === 'object' && !Array.isArray(body))
    Object.assign(summary, summarizeValue(body, 0));
  else if (body !== undefined && body !== null) summary.body = summarizeValue(body, 0);
  if (Object.keys(summary).length === 0) return null;
  if (JSON.stringify(summary).length > MAX_SUMMARY_LENGTH)
    return { fields: Object.keys(summary), truncated: true };
  return summary;
}

function summarizeValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string')
    return value.length > MAX_STRING_LENGTH ? `${value.slice(0, MAX_STRING_LENGTH)}…` : value;
  if (Array.isArray(value)) {
    if (depth >= MAX_DEPTH) return `[${value.length} items]`;
    const items = value.slice(0, MAX_ARRAY_ITEMS).map((item) => summarizeValue(item, depth + 1));
    if (value.length > MAX_ARRAY_ITEMS) items.push(`… ${value.length - MAX_ARRAY_ITEMS} more`);
    return items;
  }
  if (value !== null && typeof value === 'object') {
    if (depth >= MAX_DEPTH) return '{…}';
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [
        name,
        SECRET_FIELD.test(name) ? '[redacted]' : summarizeValue(item, depth + 1),
      ]),
    );
  }
  return value;
}
