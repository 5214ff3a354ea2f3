import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '../../database/database.js';
import type { Clock } from '../../shared/clock.js';
import { generateSecret, hashSecret } from '../../shared/secrets.js';
import { apiTokenNotFound, expiryInThePast } from './api-tokens.errors.js';
import * as repository from './api-tokens.repository.js';
import type { ApiToken } from './api-tokens.schemas.js';

/** Recognisable by secret scanners and people alike. */
export const API_TOKEN_PREFIX = 'opk_';
/** How much of a token stays visible after creation: the prefix and eight characters. */
const VISIBLE_LENGTH = API_TOKEN_PREFIX.length + 8;

export type ApiTokensService = ReturnType<typeof createApiTokensService>;

export function createApiTokensService({
  database,
  clock,
}: {
  database: DatabaseHandle;
  clock: Clock;
}) {
  const { db } = database;

  function toApiToken(row: repository.ApiTokenRow): ApiToken {
    const now = clock.now().toISOString();
    return {
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      status: row.revokedAt
        ? 'REVOKED'
        : row.expiresAt !== null && row.expiresAt <= now
          ? 'EXPIRED'
          : 'ACTIVE',
      createdById: row.createdBy,
      createdByName: row.creatorFirstName
        ? `${row.creatorFirstName} ${row.creatorLastName ?? ''}`.trim()
        : null,
      createdAt: row.createdAt,
      lastUsedAt: row.lastUsedAt,
      expiresAt: row.expiresAt,
      revokedAt: row.revokedAt,
    };
  }

  return {
    async listApiTokens(organizationId: string) {
      return (await repository.listApiTokens(db, organizationId)).map(toApiToken);
    },

    /** Creates a token and returns it in full, the only time it is ever available. */
    async createApiToken(
      organizationId: string,
      input: { name: string; expiresAt: string | null; createdBy: string | null },
    ) {
      const now = clock.now();
      const expiresAt = input.expiresAt === null ? null : new Date(input.expiresAt);
      if (expiresAt && expiresAt <= now) {
        throw expiryInThePast({
          detail: 'Choose an expiry in the future, or none.',
          errors: [{ in: 'body', pointer: '/expiresAt', detail: 'must be in the future' }],
        });
      }
      const token = generateSecret(API_TOKEN_PREFIX);
      const id = randomUUID();
      await repository.insertApiToken(db, {
        organizationId,
        id,
        name: input.name.trim(),
        prefix: token.slice(0, VISIBLE_LENGTH),
        tokenHash: hashSecret(token),
        createdBy: input.createdBy,
        createdAt: now.toISOString(),
        lastUsedAt: null,
        expiresAt: expiresAt?.toISOString() ?? null,
        revokedAt: null,
      });
      const row = await repository.findApiToken(db, organizationId, id);
      return { ...toApiToken(row!), token };
    },

    /** Revokes a token; the next request that uses it is refused. Revoking twice is harmless. */
    async revokeApiToken(organizationId: string, id: string) {
      if (!(await repository.findApiToken(db, organizationId, id))) {
        throw apiTokenNotFound({ detail: `There is no API token ${id}.` });
      }
      await repository.revokeApiToken(db, organizationId, id, clock.now().toISOString());
      return toApiToken((await repository.findApiToken(db, organizationId, id))!);
    },
  };
}
