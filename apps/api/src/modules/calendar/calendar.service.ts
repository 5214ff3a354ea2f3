import type { Kysely } from 'kysely';
import type { Database, DatabaseHandle } from '../../database/database.js';
import { defineProblem } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import { generateSecret, hashSecret } from '../../shared/secrets.js';
import type { Actor, MemberActor } from '../auth/actor.js';
import {
  findCredentialOrganization,
  forgetCredential,
  recordCredential,
} from '../auth/credential-lookups.repository.js';
import { loadMemberActor } from '../auth/member-actor.js';
import type { TaskExecutionsService } from '../task-executions/task-executions.service.js';
import { renderCalendar, type CalendarEntry } from './ics.js';

/**
 * A member's private calendar feed (issue 9): a secret URL any calendar app can subscribe to,
 * listing the member's executions from a day ago to 30 days ahead. The secret is stored hashed;
 * creating a feed again replaces the URL, deleting it ends it.
 */

export type CalendarService = ReturnType<typeof createCalendarService>;

export const calendarFeedNotFound = defineProblem({
  type: 'calendar-feed-not-found',
  title: 'No such calendar feed',
  status: 404,
});

export const calendarFeedForMembers = defineProblem({
  type: 'calendar-feed-for-members',
  title: 'Calendar feeds belong to members',
  status: 403,
});

const DAY_MS = 86_400_000;
/** Enough for an hourly patrol over the month the feed covers. */
const MAX_ENTRIES = 2000;

/** Ends a member's feed, if there is one: its row and the lookup of its secret. */
async function removeFeed(db: Kysely<Database>, member: MemberActor) {
  const removed = await db
    .deleteFrom('calendarFeeds')
    .where('organizationId', '=', member.organizationId)
    .where('memberId', '=', member.memberId)
    .returning('tokenHash')
    .executeTakeFirst();
  if (removed) await forgetCredential(db, removed.tokenHash);
}

export function createCalendarService({
  database,
  clock,
  publicUrl,
  taskExecutionsService,
}: {
  database: DatabaseHandle;
  clock: Clock;
  publicUrl: string;
  taskExecutionsService: Pick<TaskExecutionsService, 'listInfo'>;
}) {
  const { db } = database;

  function memberOf(actor: Actor): MemberActor {
    if (actor.kind !== 'member')
      throw calendarFeedForMembers({ detail: 'Sign in as a member to have a calendar feed.' });
    return actor;
  }

  return {
    async getFeed(actor: Actor) {
      const member = memberOf(actor);
      const row = await db
        .selectFrom('calendarFeeds')
        .select('createdAt')
        .where('organizationId', '=', member.organizationId)
        .where('memberId', '=', member.memberId)
        .executeTakeFirst();
      if (!row) throw calendarFeedNotFound({ detail: 'You have no calendar feed yet.' });
      return { createdAt: row.createdAt, url: null };
    },

    /** A new secret URL, shown once; any earlier URL of the member stops working. */
    async createFeed(actor: Actor) {
      const member = memberOf(actor);
      const token = generateSecret('opc_');
      const createdAt = clock.now().toISOString();
      const tokenHash = hashSecret(token);
      await db.transaction().execute(async (trx) => {
        await removeFeed(trx, member);
        await trx
          .insertInto('calendarFeeds')
          .values({
            organizationId: member.organizationId,
            memberId: member.memberId,
            tokenHash,
            createdAt,
          })
          .execute();
        await recordCredential(trx, { hash: tokenHash, organizationId: member.organizationId });
      });
      return { createdAt, url: `${publicUrl.replace(/\/$/, '')}/api/calendar/${token}.ics` };
    },

    async deleteFeed(actor: Actor) {
      const member = memberOf(actor);
      await db.transaction().execute((trx) => removeFeed(trx, member));
    },

    /** The ICS text of the feed named by `file` (`<secret>.ics`). */
    async renderFeed(file: string): Promise<string> {
      const token = file.endsWith('.ics') ? file.slice(0, -4) : file;
      const tokenHash = hashSecret(token);
      const organizationId = await findCredentialOrganization(db, tokenHash);
      const feed =
        organizationId === undefined
          ? undefined
          : await db
              .selectFrom('calendarFeeds')
              .innerJoin('members', (join) =>
                join
                  .onRef('members.id', '=', 'calendarFeeds.memberId')
                  .onRef('members.organizationId', '=', 'calendarFeeds.organizationId'),
              )
              .select([
                'calendarFeeds.organizationId',
                'calendarFeeds.memberId',
                'members.firstName',
                'members.lastName',
              ])
              .where('calendarFeeds.organizationId', '=', organizationId)
              .where('calendarFeeds.tokenHash', '=', tokenHash)
              .executeTakeFirst();
      // The feed sees what its member would see in the API; an archived member's feed ends.
      const actor = feed && (await loadMemberActor(db, feed.organizationId, feed.memberId));
      if (!feed || !actor) throw calendarFeedNotFound({ detail: 'There is no such feed.' });
      const now = clock.now();
      const entries: CalendarEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = await taskExecutionsService.listInfo(actor, {
          from: new Date(now.getTime() - DAY_MS).toISOString(),
          to: new Date(now.getTime() + 30 * DAY_MS).toISOString(),
          assigneeIds: feed.memberId,
          includeCanceled: true,
          limit: 1000,
          ...(cursor ? { cursor } : {}),
        });
        const names = new Map(
          (page.items.length === 0
            ? []
            : await db
                .selectFrom('locations')
                .select(['id', 'name'])
                .where('organizationId', '=', feed.organizationId)
                .where('id', 'in', [...new Set(page.items.map((item) => item.locationId))])
                .execute()
          ).map((row) => [row.id, row.name]),
        );
        for (const item of page.items)
          entries.push({
            uid: item.id,
            start: item.startAt,
            end: item.endAt,
            summary: item.name,
            description: item.description,
            location: names.get(item.locationId) ?? null,
            canceled: item.state === 'CANCELED',
            updatedAt: item.editedAt ?? item.startAt,
          });
        cursor = page.nextCursor ?? undefined;
      } while (cursor && entries.length < MAX_ENTRIES);
      return renderCalendar(
        `OpenPatrol — ${feed.firstName} ${feed.lastName}`,
        entries,
        now.toISOString(),
      );
    },
  };
}
