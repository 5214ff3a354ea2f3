import { createHash } from 'node:crypto';
import type { FastifyContextConfig, FastifyReply, FastifyRequest } from 'fastify';
import type { DatabaseHandle, IdempotencyKeysTable } from '../../database/database.js';
import { isUniqueViolation } from '../../database/dialect.js';
import type { Clock } from '../../shared/clock.js';
import { validationFailed } from '../../shared/problems.js';
import type { FastifyTypeBox } from '../../server.js';
import type { Actor } from '../auth/actor.js';
import { idempotencyKeyInProgress, idempotencyKeyReused } from './idempotency.errors.js';
import {
  completeIdempotencyKey,
  deleteIdempotencyKey,
  findIdempotencyKey,
  insertIdempotencyKey,
} from './idempotency.repository.js';

/**
 * `Idempotency-Key` for writes (DESIGN.md §3): a retried POST, PATCH or DELETE with the same key
 * and request answers with the first response instead of running again, so a phone that lost the
 * answer on a bad connection can simply send the same request again.
 *
 * Keys belong to the caller (a member or an API token), so two integrations cannot collide, and
 * apply to organization routes only: the session routes (sign-out, password change) set cookies a
 * replay could not repeat, and their bodies carry passwords we must not keep even hashed.
 */

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
const REPLAYED_HEADER = 'idempotent-replayed';
const IDEMPOTENT_METHODS = new Set(['POST', 'PATCH', 'DELETE']);
/** Printable ASCII, as in the IETF Idempotency-Key draft's examples (UUIDs, ULIDs, hashes). */
const KEY_PATTERN = /^[\x20-\x7E]{1,200}$/;
const KEY_LIFETIME_MILLIS = 24 * 60 * 60 * 1000;
/**
 * A key still "in progress" after this long belongs to a request whose server died before
 * answering; without a limit its retries would be refused with 409 until the key expires.
 * No request of ours runs anywhere near this long.
 */
const ABANDONED_AFTER_MILLIS = 5 * 60 * 1000;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `false`: the Idempotency-Key header is ignored and the response is never stored, for writes
     * whose response carries a secret that must not sit in the database.
     */
    idempotent?: boolean;
  }
}

/** Whether a request to this route honours Idempotency-Key; the OpenAPI document asks it too. */
export function isIdempotentOperation(
  method: string,
  url: string | undefined,
  config: FastifyContextConfig | undefined,
): boolean {
  return (
    IDEMPOTENT_METHODS.has(method.toUpperCase()) &&
    url !== undefined &&
    url.startsWith('/api/') &&
    typeof config?.access === 'object' &&
    config.idempotent !== false
  );
}

/** The header as the OpenAPI document lists it (documentation only: the hook below checks it). */
export const idempotencyKeyHeaderSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 200,
  description:
    'Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422.',
} as const;

interface PendingKey {
  readonly owner: string;
  readonly key: string;
  readonly createdAt: string;
}

export function registerIdempotency(
  app: FastifyTypeBox,
  { database, clock }: { database: DatabaseHandle; clock: Clock },
): void {
  const { db } = database;
  /** Requests that hold a key they inserted, until their response is stored. */
  const pendingKeys = new WeakMap<FastifyRequest, PendingKey>();

  // preHandler: after access control (onRequest) set request.actor, and after the body was parsed
  // and validated, so an invalid request never takes a key.
  app.addHook('preHandler', async (request, reply) => {
    const { routeOptions } = request;
    if (!isIdempotentOperation(request.method, routeOptions.url, routeOptions.config)) return;
    const key = readIdempotencyKey(request);
    if (key === undefined || request.actor === null) return;

    const owner = ownerOf(request.actor);
    const requestHash = hashRequest(request);
    const now = clock.now();
    const existing = await findIdempotencyKey(db, owner, key);
    if (existing && isForgotten(existing, now)) {
      await deleteIdempotencyKey(db, existing);
    } else if (existing) {
      if (existing.requestHash !== requestHash) {
        throw idempotencyKeyReused({
          detail: `The key was first used for ${existing.method} ${existing.path} with another body; choose a new key for a new request.`,
        });
      }
      if (existing.statusCode === null) throw inProgress();
      return replay(reply, existing);
    }

    const createdAt = now.toISOString();
    try {
      await insertIdempotencyKey(db, {
        owner,
        key,
        organizationId: request.actor.organizationId,
        method: request.method,
        path: request.url,
        requestHash,
        statusCode: null,
        responseBody: null,
        responseContentType: null,
        createdAt,
        expiresAt: new Date(now.getTime() + KEY_LIFETIME_MILLIS).toISOString(),
      });
    } catch (error) {
      // Two first requests raced and the other one took the key.
      if (isUniqueViolation(error)) throw inProgress();
      throw error;
    }
    pendingKeys.set(request, { owner, key, createdAt });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = pendingKeys.get(request);
    if (!pending) return payload;
    pendingKeys.delete(request);
    const status = reply.statusCode;
    // A refusal (4xx) is as final as a success; a server failure (5xx) may pass, so the key is
    // released for the retry.
    const isFinal = (status >= 200 && status < 300) || (status >= 400 && status < 500);
    const body = storableBody(payload);
    try {
      if (isFinal && body !== undefined) {
        const contentType = reply.getHeader('content-type');
        await completeIdempotencyKey(db, pending, {
          statusCode: status,
          responseBody: body,
          responseContentType: typeof contentType === 'string' ? contentType : null,
        });
      } else {
        await deleteIdempotencyKey(db, pending);
      }
    } catch (error) {
      // The response itself is fine; losing the key only costs the retry its protection.
      request.log.error({ err: error }, 'could not record the Idempotency-Key response');
      await deleteIdempotencyKey(db, pending).catch(() => undefined);
    }
    return payload;
  });
}

/** The key, undefined without the header; a malformed key is refused like any invalid header. */
function readIdempotencyKey(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value === 'string' && KEY_PATTERN.test(value)) return value;
  throw validationFailed({
    detail: `Check /idempotency-key in the request headers.`,
    errors: [
      {
        in: 'header',
        pointer: '/idempotency-key',
        detail: 'must be 1 to 200 printable ASCII characters',
      },
    ],
  });
}

function ownerOf(actor: Actor): string {
  return actor.kind === 'token' ? `token:${actor.tokenId}` : `member:${actor.memberId}`;
}

/** Expired keys, and keys whose first request never finished, are as good as absent. */
function isForgotten(row: IdempotencyKeysTable, now: Date): boolean {
  if (row.expiresAt <= now.toISOString()) return true;
  return (
    row.statusCode === null && Date.parse(row.createdAt) + ABANDONED_AFTER_MILLIS <= now.getTime()
  );
}

function inProgress() {
  return idempotencyKeyInProgress({
    detail: 'The first request with this key has not finished; retry in a moment.',
    headers: { 'retry-after': '1' },
  });
}

function replay(reply: FastifyReply, row: IdempotencyKeysTable): FastifyReply {
  void reply.code(row.statusCode ?? 200).header(REPLAYED_HEADER, 'true');
  if (row.responseContentType !== null) void reply.type(row.responseContentType);
  // A string with a JSON content type is sent as is, not serialized a second time.
  return row.responseBody === null ? reply.send() : reply.send(row.responseBody);
}

/**
 * SHA-256 of what identifies the request: method, URL with query, and the body. The body is
 * hashed as canonical JSON (sorted keys), so a client that rebuilds the same object for its retry
 * need not reproduce the key order.
 */
function hashRequest(request: FastifyRequest): string {
  const hash = createHash('sha256').update(`${request.method}\n${request.url}\n`);
  const { body } = request;
  if (Buffer.isBuffer(body)) hash.update(body);
  else hash.update(canonicalJson(body));
  return hash.digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, child]) => `${JSON.stringify(name)}:${canonicalJson(child)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The payload as text to store; undefined for a stream or binary body, which is not kept. */
function storableBody(payload: unknown): string | null | undefined {
  if (payload === undefined || payload === null) return null;
  return typeof payload === 'string' ? payload : undefined;
}
