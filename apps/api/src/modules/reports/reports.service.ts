import type { DatabaseHandle } from '../../database/database.js';
import { defineProblem } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import { buffer } from 'node:stream/consumers';
import { AppError } from '../../shared/app-error.js';
import type { Actor } from '../auth/actor.js';
import type { MediaService } from '../media/media.service.js';
import type { PerformingService } from '../task-executions/performing.service.js';
import type { TaskExecutionInfo } from '../task-executions/task-executions.schemas.js';
import type { TaskExecutionsService } from '../task-executions/task-executions.service.js';
import {
  renderCsv,
  renderReportPdf,
  renderXlsx,
  type ReportPhoto,
  type ReportRow,
} from './executions-report.js';
import type { FieldError } from '../../shared/app-error.js';
import { isUuid, parseQueryList } from '../../shared/query-lists.js';
import { bucketOf, localDays, type LocalDays } from './executions-summary.js';
import {
  countExecutionsByDay,
  listSummaryLocations,
  listTodaysExecutions,
  type SummaryList,
} from './reports.repository.js';
import type {
  DaySummary,
  ExecutionSummaryItem,
  ExecutionsSummary,
  ExecutionsSummaryQuery,
} from './reports.schemas.js';

export type ReportsService = ReturnType<typeof createReportsService>;

export const invalidReportQuery = defineProblem({
  type: 'invalid-report-query',
  title: 'The query is not valid',
  status: 400,
});

export const reportTooLarge = defineProblem({
  type: 'report-too-large',
  title: 'The report would be too large',
  status: 422,
});

/** Rows in one report; a month of hourly patrols at a dozen locations fits. */
export const MAX_REPORT_ROWS = 10_000;
/**
 * Photos printed in one PDF report (thumbnails of at most 320 px, ~20 kB each): enough for a
 * day's rounds; beyond it the PDF says how many more there are in the app.
 */
export const MAX_REPORT_PHOTOS = 300;

/** Items in each of the dashboard's lists; the totals say how many more there are. */
export const SUMMARY_LIST_SIZE = 20;

const EMPTY_COUNTS = {
  total: 0,
  planned: 0,
  inProgress: 0,
  completed: 0,
  incomplete: 0,
  expired: 0,
  warnings: 0,
  errors: 0,
  lateStarts: 0,
};

export interface ReportQuery {
  readonly from: string;
  readonly to: string;
  readonly ids?: string;
  readonly locationIds?: string;
  readonly states?: string;
  readonly format: 'csv' | 'xlsx' | 'pdf';
}

export function createReportsService({
  database,
  clock,
  taskExecutionsService,
  performingService,
  mediaService,
}: {
  database: DatabaseHandle;
  clock: Clock;
  taskExecutionsService: Pick<TaskExecutionsService, 'listInfo'>;
  performingService: Pick<PerformingService, 'verifyEvents'>;
  mediaService: Pick<MediaService, 'getThumbnailFile'>;
}) {
  const { db } = database;

  /** Every execution of the query the actor may see, with names and the integrity check. */
  async function gather(actor: Actor, query: ReportQuery): Promise<ReportRow[]> {
    const executions: TaskExecutionInfo[] = [];
    let cursor: string | undefined;
    do {
      const page = await taskExecutionsService.listInfo(actor, {
        from: query.from,
        to: query.to,
        ...(query.ids !== undefined ? { ids: query.ids } : {}),
        ...(query.locationIds !== undefined ? { locationIds: query.locationIds } : {}),
        ...(query.states !== undefined ? { states: query.states } : {}),
        includeCanceled: true,
        limit: 1000,
        ...(cursor ? { cursor } : {}),
      });
      executions.push(...page.items);
      if (executions.length > MAX_REPORT_ROWS)
        throw reportTooLarge({
          detail: `More than ${MAX_REPORT_ROWS} executions: narrow the period or the locations.`,
        });
      cursor = page.nextCursor ?? undefined;
    } while (cursor);

    const locationIds = [...new Set(executions.map((e) => e.locationId))];
    const performerIds = [
      ...new Set(executions.flatMap((e) => (e.performerId ? [e.performerId] : []))),
    ];
    const locations = new Map(
      (locationIds.length === 0
        ? []
        : await db
            .selectFrom('locations')
            .select(['id', 'name', 'timeZone'])
            .where('organizationId', '=', actor.organizationId)
            .where('id', 'in', locationIds)
            .execute()
      ).map((row) => [row.id, row]),
    );
    const performers = new Map(
      (performerIds.length === 0
        ? []
        : await db
            .selectFrom('members')
            .select(['id', 'firstName', 'lastName'])
            .where('organizationId', '=', actor.organizationId)
            .where('id', 'in', performerIds)
            .execute()
      ).map((row) => [row.id, `${row.firstName} ${row.lastName}`]),
    );
    const rows: ReportRow[] = [];
    for (const execution of executions) {
      const location = locations.get(execution.locationId);
      const integrity =
        execution.startedAt === null && execution.seenStates.every((state) => !state.seen)
          ? null
          : (await performingService.verifyEvents(actor, execution.id)).valid;
      rows.push({
        execution,
        locationName: location?.name ?? '',
        timeZone: location?.timeZone ?? 'UTC',
        performerName: execution.performerId
          ? (performers.get(execution.performerId) ?? null)
          : null,
        integrity,
      });
    }
    return rows;
  }

  /**
   * The photos recorded in the rows' actions, in plan order, as JPEG thumbnails (null when a
   * photo has no preview, e.g. a WebP), up to {@link MAX_REPORT_PHOTOS}; with how many were left.
   */
  async function photosOf(
    actor: Actor,
    rows: readonly ReportRow[],
  ): Promise<{ rows: ReportRow[]; omitted: number }> {
    let budget = MAX_REPORT_PHOTOS;
    let omitted = 0;
    const withPhotos: ReportRow[] = [];
    for (const row of rows) {
      const photos: ReportPhoto[] = [];
      for (const step of row.execution.steps)
        for (const action of step.actions)
          for (const mediaId of action.mediaValueIds ?? []) {
            if (budget === 0) {
              omitted++;
              continue;
            }
            budget--;
            photos.push({
              caption: `${step.name} · ${action.name}`,
              jpeg: await thumbnailOf(actor, mediaId),
            });
          }
      withPhotos.push(photos.length > 0 ? { ...row, photos } : row);
    }
    return { rows: withPhotos, omitted };
  }

  async function thumbnailOf(actor: Actor, mediaId: string): Promise<Buffer | null> {
    try {
      const file = await mediaService.getThumbnailFile(actor, mediaId);
      return await buffer((await file.open()).body);
    } catch (error) {
      // No thumbnail (a format without a decoder), or not readable: listed without a picture.
      if (error instanceof AppError) return null;
      throw error;
    }
  }

  /** Today's executions of one list, in brief, in the list's order. */
  async function todaysList(
    actor: Actor,
    zones: readonly (LocalDays & { locationIds: string[] })[],
    list: SummaryList,
    now: string,
  ): Promise<{ total: number; items: ExecutionSummaryItem[] }> {
    const today = zones.map((zone) => ({
      locationIds: zone.locationIds,
      from: zone.boundaries.at(-2)!,
      to: zone.boundaries.at(-1)!,
    }));
    const { ids, total } = await listTodaysExecutions(
      db,
      actor.organizationId,
      today,
      list,
      now,
      SUMMARY_LIST_SIZE,
    );
    if (ids.length === 0) return { total, items: [] };
    // Names and counters come from the executions' plans: the task-executions service presents them.
    const page = await taskExecutionsService.listInfo(actor, {
      from: today.reduce((min, zone) => (zone.from < min ? zone.from : min), today[0]!.from),
      to: today.reduce((max, zone) => (zone.to > max ? zone.to : max), today[0]!.to),
      ids: ids.join(','),
      limit: ids.length,
    });
    const byId = new Map(page.items.map((item) => [item.id, item]));
    const items = ids.flatMap((id) => {
      const e = byId.get(id);
      if (!e) return [];
      return [
        {
          id: e.id,
          name: e.name,
          locationId: e.locationId,
          startAt: e.startAt,
          endAt: e.endAt,
          state: e.state,
          status: e.status,
          startedAt: e.startedAt,
          endedAt: e.endedAt,
          lateStart: e.lateStart,
          expired: e.expired,
          warningCount: e.warningCount,
          errorCount: e.errorCount,
        },
      ];
    });
    return { total, items };
  }

  return {
    /**
     * The dashboard (issue 7): per-day counts over the last `days` days and today's lists, each
     * location counted in its own calendar day. Counts are read from execution rows, which exist
     * for every occurrence up to the schedule horizon (15 days ahead), so today and the past are complete.
     */
    async summarizeExecutions(
      actor: Actor,
      query: ExecutionsSummaryQuery,
    ): Promise<ExecutionsSummary> {
      const errors: FieldError[] = [];
      const requested = parseQueryList<string>(
        query.locationIds,
        '/locationIds',
        errors,
        isUuid,
        'location ids',
      );
      if (errors.length > 0) throw invalidReportQuery({ detail: 'Check /locationIds.', errors });
      const days = query.days ?? 14;
      const now = clock.now();
      const nowIso = now.toISOString();
      // Managers count only their own locations, whatever they ask for.
      const visible =
        actor.locationIds === null
          ? requested
          : (requested ?? actor.locationIds).filter((id) => actor.locationIds!.includes(id));
      const locations = await listSummaryLocations(db, actor.organizationId, visible);

      const zoneOf = new Map<string, LocalDays & { locationIds: string[] }>();
      for (const location of locations) {
        let zone = zoneOf.get(location.timeZone);
        if (!zone) {
          zone = { ...localDays(location.timeZone, now, days), locationIds: [] };
          zoneOf.set(location.timeZone, zone);
        }
        zone.locationIds.push(location.id);
      }
      const zones = [...zoneOf.values()];

      // Day i counts every zone's i-th day; its date is the one of the zone furthest on (UTC's
      // when no location is counted).
      const dateSources = zones.length > 0 ? zones : [localDays('UTC', now, days)];
      const summaries: DaySummary[] = Array.from({ length: days }, (_, index) => ({
        date: dateSources
          .map((zone) => zone.dates[index]!)
          .reduce((latest, date) => (date > latest ? date : latest)),
        daysAgo: days - 1 - index,
        ...EMPTY_COUNTS,
      }));
      for (const zone of zones) {
        for (const row of await countExecutionsByDay(db, actor.organizationId, zone, nowIso)) {
          const day = summaries[row.dayIndex]!;
          day.total += row.count;
          const bucket = bucketOf(row.state, row.ended);
          if (bucket) day[bucket] += row.count;
          if (row.status === 'WARNING') day.warnings += row.count;
          if (row.status === 'ERROR') day.errors += row.count;
          if (row.late) day.lateStarts += row.count;
        }
      }

      return {
        generatedAt: nowIso,
        locations: locations.map((location) => ({
          ...location,
          today: zoneOf.get(location.timeZone)!.dates.at(-1)!,
        })),
        days: summaries,
        needsAttention: await todaysList(actor, zones, 'needsAttention', nowIso),
        inProgress: await todaysList(actor, zones, 'inProgress', nowIso),
        upcoming: await todaysList(actor, zones, 'upcoming', nowIso),
      };
    },

    async executionsReport(
      actor: Actor,
      query: ReportQuery,
    ): Promise<{ contentType: string; fileName: string; body: string | Buffer; rowCount: number }> {
      const rows = await gather(actor, query);
      const stamp = `${query.from.slice(0, 10)}_${query.to.slice(0, 10)}`;
      if (query.format === 'csv')
        return {
          rowCount: rows.length,
          contentType: 'text/csv; charset=utf-8',
          fileName: `executions_${stamp}.csv`,
          // A byte-order mark, so spreadsheet programs read the names as UTF-8.
          body: `\uFEFF${renderCsv(rows)}`,
        };
      if (query.format === 'xlsx')
        return {
          rowCount: rows.length,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          fileName: `executions_${stamp}.xlsx`,
          body: await renderXlsx(
            {
              organizationName: '',
              from: query.from,
              to: query.to,
              generatedAt: clock.now().toISOString(),
            },
            rows,
          ),
        };
      const photos = await photosOf(actor, rows);
      const organization = await db
        .selectFrom('organizations')
        .select('name')
        .where('id', '=', actor.organizationId)
        .executeTakeFirst();
      return {
        rowCount: rows.length,
        contentType: 'application/pdf',
        fileName: `executions_${stamp}.pdf`,
        body: await renderReportPdf(
          {
            organizationName: organization?.name ?? '',
            from: query.from,
            to: query.to,
            generatedAt: clock.now().toISOString(),
          },
          photos.rows,
          photos.omitted,
        ),
      };
    },
  };
}
