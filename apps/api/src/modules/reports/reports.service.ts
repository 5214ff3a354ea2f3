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

export type ReportsService = ReturnType<typeof createReportsService>;

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

export interface ReportQuery {
  readonly from: string;
  readonly to: string;
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

  return {
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
