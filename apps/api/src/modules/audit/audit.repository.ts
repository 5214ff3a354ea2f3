import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../../database/database.js';

export async function insertAuditEntry(db: Kysely<Database>, row: AuditLogTable): Promise<void> {
  await db.insertInto('auditLog').values(row).execute();
}

export interface AuditLogFilter {
  readonly from: string | null;
  readonly to: string | null;
  readonly actorId: string | null;
  readonly resourceType: string | null;
  readonly resourceId: string | null;
  /** The last id of the previous page: newer entries were on it. */
  readonly before: string | null;
  readonly limit: number;
}

/** Newest first; ids are UUIDv7, so id order is time order. */
export async function listAuditEntries(
  db: Kysely<Database>,
  organizationId: string,
  filter: AuditLogFilter,
): Promise<AuditLogTable[]> {
  let query = db.selectFrom('auditLog').selectAll().where('organizationId', '=', organizationId);
  if (filter.from !== null) query = query.where('occurredAt', '>=', filter.from);
  if (filter.to !== null) query = query.where('occurredAt', '<', filter.to);
  if (filter.actorId !== null) query = query.where('actorId', '=', filter.actorId);
  if (filter.resourceType !== null) query = query.where('resourceType', '=', filter.resourceType);
  if (filter.resourceId !== null) query = query.where('resourceId', '=', filter.resourceId);
  if (filter.before !== null) query = query.where('id', '<', filter.before);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}

/** The member's name as shown in the admin app, or null if the member is gone. */
export async function findMemberName(
  db: Kysely<Database>,
  organizationId: string,
  memberId: string,
): Promise<string | null> {
  const member = await db
    .selectFrom('members')
    .select(['firstName', 'lastName'])
    .where('organizationId', '=', organizationId)
    .where('id', '=', memberId)
    .executeTakeFirst();
  return member ? `${member.firstName} ${member.lastName}`.trim() : null;
}
