import type { DatabaseHandle, AuditLogTable } from '../../database/database.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { takePage } from '../../shared/paging.js';
import { validationFailed } from '../../shared/problems.js';
import type { Actor } from '../auth/actor.js';
import { findMemberName, insertAuditEntry, listAuditEntries } from './audit.repository.js';
import type { AuditLogEntry } from './audit.schemas.js';

export type AuditService = ReturnType<typeof createAuditService>;

/** What the HTTP layer knows about an admin action that succeeded. */
export interface AdminAction {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly statusCode: number;
  readonly resourceType: string;
  readonly resourceId: string | null;
  readonly summary: Record<string, unknown> | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly requestId: string;
}

function toEntry(row: AuditLogTable): AuditLogEntry {
  return {
    id: row.id,
    occurredAt: row.occurredAt,
    actor: { type: row.actorType, id: row.actorId, name: row.actorName },
    operationId: row.operationId,
    method: row.method,
    path: row.path,
    statusCode: row.statusCode,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    summary: row.summary === null ? null : (JSON.parse(row.summary) as Record<string, unknown>),
    ip: row.ip,
    userAgent: row.userAgent,
    requestId: row.requestId,
  };
}

/** Instants compare as text only in one form: toISOString()'s, with milliseconds. */
function normaliseInstant(value: string | undefined): string | null {
  return value === undefined ? null : new Date(value).toISOString();
}

export function createAuditService({
  database,
  clock,
}: {
  database: DatabaseHandle;
  clock: Clock;
}) {
  const { db } = database;

  return {
    async recordAdminAction(actor: Actor, action: AdminAction): Promise<void> {
      const now = clock.now();
      await insertAuditEntry(db, {
        organizationId: actor.organizationId,
        id: newId(now.getTime()),
        occurredAt: now.toISOString(),
        actorType: actor.kind === 'token' ? 'TOKEN' : 'MEMBER',
        actorId: actor.kind === 'token' ? actor.tokenId : actor.memberId,
        actorName:
          actor.kind === 'token'
            ? actor.tokenName
            : await findMemberName(db, actor.organizationId, actor.memberId),
        operationId: action.operationId,
        method: action.method,
        path: action.path,
        statusCode: action.statusCode,
        resourceType: action.resourceType,
        resourceId: action.resourceId,
        summary: action.summary === null ? null : JSON.stringify(action.summary),
        ip: action.ip,
        userAgent: action.userAgent,
        requestId: action.requestId,
      });
    },

    async listAuditLog(
      actor: Actor,
      query: {
        from?: string;
        to?: string;
        actorId?: string;
        resourceType?: string;
        resourceId?: string;
        cursor?: string;
        limit: number;
      },
    ) {
      const from = normaliseInstant(query.from);
      const to = normaliseInstant(query.to);
      if (from !== null && to !== null && from >= to)
        throw validationFailed({
          detail: 'Check /to in the request query string.',
          errors: [{ in: 'query', pointer: '/to', detail: 'must be after from' }],
        });
      const rows = await listAuditEntries(db, actor.organizationId, {
        from,
        to,
        actorId: query.actorId ?? null,
        resourceType: query.resourceType ?? null,
        resourceId: query.resourceId ?? null,
        before: query.cursor ?? null,
        limit: query.limit + 1,
      });
      const { items, nextCursor } = takePage(rows, query.limit);
      return { entries: items.map(toEntry), nextCursor };
    },
  };
}
