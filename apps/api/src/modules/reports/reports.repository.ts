import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../../database/database.js';

/** Queries for the dashboard summary. No rules here. */

/** Locations of one zone and the local midnights that cut their days (see executions-summary.ts). */
export interface ZoneDays {
  readonly locationIds: readonly string[];
  readonly boundaries: readonly string[];
}

export async function listSummaryLocations(
  db: Kysely<Database>,
  organizationId: string,
  locationIds: readonly string[] | null,
) {
  let query = db
    .selectFrom('locations')
    .select(['id', 'name', 'timeZone'])
    .where('organizationId', '=', organizationId)
    .where('archived', '=', 0);
  if (locationIds !== null) {
    if (locationIds.length === 0) return [];
    query = query.where('id', 'in', locationIds);
  }
  return query.orderBy('name').orderBy('id').execute();
}

/**
 * Counts of one zone's executions per day, state, status, late start and ended window: a few
 * dozen rows however many executions. Instants are ISO text, so text comparison is time order
 * on both databases.
 */
export async function countExecutionsByDay(
  db: Kysely<Database>,
  organizationId: string,
  zone: ZoneDays,
  now: string,
) {
  const { boundaries } = zone;
  const last = boundaries.length - 1;
  // Day index by the first midnight the start comes before: one CASE, portable SQL.
  // One day has no midnight inside it, and CASE needs at least one WHEN.
  const inside = boundaries.slice(1, -1);
  const dayIndex =
    inside.length === 0
      ? sql<number>`${sql.lit(0)}`
      : sql<number>`case ${sql.join(
          inside.map((boundary, index) => sql`when start_at < ${boundary} then ${index}`),
          sql` `,
        )} else ${last - 1} end`;
  const late = sql<number>`case when started_at is not null and started_at > start_at then 1 else 0 end`;
  const ended = sql<number>`case when end_at < ${now} then 1 else 0 end`;
  // Grouped in an outer query by the inner one's column names: PostgreSQL does not match GROUP BY
  // expressions that carry their own bound parameters against the select list's.
  const classified = db
    .selectFrom('taskExecutions')
    .select([dayIndex.as('dayIndex'), 'state', 'status', late.as('late'), ended.as('ended')])
    .where('organizationId', '=', organizationId)
    .where('startAt', '>=', boundaries[0]!)
    .where('startAt', '<', boundaries[last]!)
    .where('locationId', 'in', [...zone.locationIds])
    .where('state', '!=', 'CANCELED');
  const rows = await db
    .selectFrom(classified.as('classified'))
    .select([
      'dayIndex',
      'state',
      'status',
      'late',
      'ended',
      (eb) => eb.fn.countAll<number | string>().as('count'),
    ])
    .groupBy(['dayIndex', 'state', 'status', 'late', 'ended'])
    .execute();
  // PostgreSQL returns count(*) as a string (int8).
  return rows.map((row) => ({
    ...row,
    dayIndex: Number(row.dayIndex),
    late: Number(row.late) === 1,
    ended: Number(row.ended) === 1,
    count: Number(row.count),
  }));
}

export type SummaryList = 'needsAttention' | 'inProgress' | 'upcoming';

/** Today's executions of one list, at most `limit` ids in the list's order, and how many there are. */
export async function listTodaysExecutions(
  db: Kysely<Database>,
  organizationId: string,
  today: readonly { locationIds: readonly string[]; from: string; to: string }[],
  list: SummaryList,
  now: string,
  limit: number,
): Promise<{ ids: string[]; total: number }> {
  if (today.length === 0) return { ids: [], total: 0 };
  const base = db
    .selectFrom('taskExecutions')
    .where('organizationId', '=', organizationId)
    .where('state', '!=', 'CANCELED')
    .where((eb) =>
      eb.or(
        today.map((zone) =>
          eb.and([
            eb('locationId', 'in', [...zone.locationIds]),
            eb('startAt', '>=', zone.from),
            eb('startAt', '<', zone.to),
          ]),
        ),
      ),
    )
    .where((eb) => listCondition(eb, list, now));
  const counted = await base
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirst();
  const ids = await base
    .select('id')
    .orderBy('startAt', list === 'needsAttention' ? 'desc' : 'asc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return { ids: ids.map((row) => row.id), total: Number(counted?.count ?? 0) };
}

function listCondition(
  eb: ExpressionBuilder<Database, 'taskExecutions'>,
  list: SummaryList,
  now: string,
) {
  if (list === 'inProgress')
    return eb.and([eb('state', '=', 'IN_PROGRESS'), eb('endAt', '>=', now)]);
  if (list === 'upcoming') return eb.and([eb('state', '=', 'PLANNED'), eb('endAt', '>=', now)]);
  return eb.or([
    eb('status', 'in', ['WARNING', 'ERROR']),
    eb('state', '=', 'INCOMPLETE'),
    eb.and([eb('state', 'in', ['PLANNED', 'IN_PROGRESS']), eb('endAt', '<', now)]),
    eb.and([eb('startedAt', 'is not', null), eb('startedAt', '>', eb.ref('startAt'))]),
  ]);
}
