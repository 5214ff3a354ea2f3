import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, DatabaseHandle, IssueStatus } from '../../database/database.js';
import { isUniqueViolation } from '../../database/dialect.js';
import { AppError, type FieldError } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import type { DomainEvents } from '../../shared/domain-events.js';
import { takePage } from '../../shared/paging.js';
import { describeActor, type Actor } from '../auth/actor.js';
import { locationNotFound } from '../locations/locations.errors.js';
import type { LocationsService } from '../locations/locations.service.js';
import type { PointsService } from '../points/points.service.js';
import { canChangeStatus, isReopening, nextStatusesOf } from './issue-workflow.js';
import {
  invalidIssue,
  issueClientIdInUse,
  issueNotFound,
  issueStatusChangeNotAllowed,
} from './issues.errors.js';
import { encodeIssueCursor, parseIssueQuery } from './issues.query.js';
import * as repository from './issues.repository.js';
import type {
  CreateIssueBody,
  Issue,
  IssueComment,
  IssueDetails,
  ListIssuesQuery,
  UpdateIssueBody,
} from './issues.schemas.js';

export type IssuesService = ReturnType<typeof createIssuesService>;

/**
 * The media of an organization among `ids`, keyed by id; ids that are not its media are absent.
 * The media module provides it; issues only need to know which ids exist.
 */
export type FindMediaOf = (
  organizationId: string,
  ids: readonly string[],
) => Promise<Map<string, unknown>>;

/** A number taken by a concurrent report is retried this often before giving up. */
const NUMBER_ATTEMPTS = 5;

function bodyError(pointer: string, detail: string): FieldError {
  return { in: 'body', pointer, detail };
}

function toIssue(row: repository.IssueRow): Issue {
  return {
    id: row.id,
    number: row.number,
    locationId: row.locationId,
    pointId: row.pointId,
    taskExecutionId: row.taskExecutionId,
    category: row.category,
    severity: row.severity,
    title: row.title,
    description: row.description,
    status: row.status,
    position:
      row.latitude === null || row.longitude === null
        ? null
        : {
            latitude: row.latitude,
            longitude: row.longitude,
            accuracyInMeters: row.accuracyInMeters,
          },
    mediaIds: JSON.parse(row.mediaIds) as string[],
    reportedByMemberId: row.reportedByMemberId,
    reportedByTokenId: row.reportedByTokenId,
    clientId: row.clientId,
    occurredAt: row.occurredAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    acknowledgedAt: row.acknowledgedAt,
    acknowledgedBy: row.acknowledgedBy,
    resolvedAt: row.resolvedAt,
    resolvedBy: row.resolvedBy,
  };
}

function toComment(row: repository.IssueCommentRow): IssueComment {
  return {
    id: row.id,
    issueId: row.issueId,
    authorMemberId: row.authorMemberId,
    authorTokenId: row.authorTokenId,
    body: row.body,
    statusChange: row.statusChange,
    createdAt: row.createdAt,
  };
}

/** Users and Guards report issues; supervisors and tokens handle them. */
function isPerformer(actor: Actor): boolean {
  return actor.kind === 'member' && (actor.role === 'USER' || actor.role === 'GUARD');
}

/**
 * Supervisors see every issue at the locations they see; performers only the ones they reported
 * there (another guard's report may name people or weaknesses of the site).
 */
function canSeeIssue(actor: Actor, row: repository.IssueRow): boolean {
  if (actor.locationIds !== null && !actor.locationIds.includes(row.locationId)) return false;
  return (
    !isPerformer(actor) || (actor.kind === 'member' && row.reportedByMemberId === actor.memberId)
  );
}

function isReportedBy(actor: Actor, row: repository.IssueRow): boolean {
  return actor.kind === 'member'
    ? row.reportedByMemberId === actor.memberId
    : row.reportedByTokenId === actor.tokenId;
}

function authorOf(actor: Actor) {
  return {
    authorMemberId: actor.kind === 'member' ? actor.memberId : null,
    authorTokenId: actor.kind === 'token' ? actor.tokenId : null,
  };
}

export function createIssuesService({
  database,
  readDatabase = database,
  clock,
  locationsService,
  pointsService,
  findMediaOf,
  domainEvents,
}: {
  database: DatabaseHandle;
  /** Where `listIssues` reads: a read replica, or `database`. */
  readDatabase?: DatabaseHandle;
  clock: Clock;
  locationsService: Pick<LocationsService, 'findVisibleLocation'>;
  pointsService: Pick<PointsService, 'getPoint'>;
  findMediaOf: FindMediaOf;
  domainEvents: DomainEvents;
}) {
  const { db } = database;

  /** Another organization's issue, or one the actor may not see, is "not found". */
  async function findVisibleIssue(actor: Actor, issueId: string, target: Kysely<Database> = db) {
    const row = await repository.findIssue(target, actor.organizationId, issueId);
    if (!row || !canSeeIssue(actor, row))
      throw issueNotFound({ detail: `There is no issue ${issueId}.` });
    return row;
  }

  async function loadDetails(
    target: Kysely<Database>,
    row: repository.IssueRow,
  ): Promise<IssueDetails> {
    const comments = await repository.listComments(target, row.organizationId, row.id);
    return { ...toIssue(row), comments: comments.map(toComment) };
  }

  /**
   * Writes a comment at `now`, or just after the issue's newest one when that is not earlier:
   * comments list by time, and two written within one millisecond must keep their order.
   */
  async function addComment(
    target: Kysely<Database>,
    actor: Actor,
    issue: repository.IssueRow,
    fields: { body: string | null; statusChange: IssueStatus | null },
    now: string,
  ) {
    const last = await repository.findLastCommentTime(target, issue.organizationId, issue.id);
    const createdAt =
      last !== null && last >= now ? new Date(Date.parse(last) + 1).toISOString() : now;
    const comment: repository.IssueCommentRow = {
      organizationId: issue.organizationId,
      id: randomUUID(),
      issueId: issue.id,
      ...authorOf(actor),
      ...fields,
      createdAt,
    };
    await repository.insertComment(target, comment);
    return comment;
  }

  /** A retried report (same clientId) is the first one, if the same reporter sent it. */
  async function findReplayedReport(actor: Actor, clientId: string | undefined) {
    if (clientId === undefined) return null;
    const existing = await repository.findIssueByClientId(db, actor.organizationId, clientId);
    if (!existing) return null;
    if (!isReportedBy(actor, existing))
      throw issueClientIdInUse({
        detail: 'This clientId names another reporter’s issue: generate a new one per report.',
        errors: [bodyError('/clientId', 'is the clientId of another reporter’s issue')],
      });
    return existing;
  }

  /** What a schema cannot check about a report, all at once: its location, point, media and title. */
  async function assertValidReport(actor: Actor, body: CreateIssueBody) {
    // Naming a location the caller does not see is the same 404 as reading it.
    await locationsService.findVisibleLocation(actor, body.locationId).catch((error: unknown) => {
      if (error instanceof AppError && error.status === 404)
        throw locationNotFound({
          detail: `There is no location ${body.locationId}.`,
          errors: [bodyError('/locationId', 'is not a location you can see')],
          cause: error,
        });
      throw error;
    });
    // Archived locations and points still take reports: a device that was offline may send one
    // made before the archiving, and refusing it would lose the record.
    const errors: FieldError[] = [];
    if (body.pointId) {
      const point = await pointsService.getPoint(actor, body.pointId).catch((error: unknown) => {
        if (error instanceof AppError && error.status === 404) return null;
        throw error;
      });
      if (!point) errors.push(bodyError('/pointId', 'is not a point you can see'));
      else if (point.locationId !== body.locationId)
        errors.push(bodyError('/pointId', 'is a point of another location'));
    }
    const mediaIds = body.mediaIds ?? [];
    if (mediaIds.length > 0) {
      const media = await findMediaOf(actor.organizationId, mediaIds);
      mediaIds.forEach((id, index) => {
        if (!media.has(id))
          errors.push(bodyError(`/mediaIds/${index}`, 'is not a media file of this organization'));
      });
    }
    if (body.title.trim() === '') errors.push(bodyError('/title', 'must not be blank'));
    if (errors.length > 0)
      throw invalidIssue({
        detail: `Check ${[...new Set(errors.map((error) => error.pointer))].join(', ')}.`,
        errors,
      });
  }

  /**
   * Inserts the issue with the organization's next number. Two reports at once may compute the
   * same number; the unique index refuses the second, which then takes the next one. A PostgreSQL
   * transaction is unusable after a violation, so the whole transaction is retried.
   */
  async function insertWithNextNumber(row: Omit<repository.IssueRow, 'number'>) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction().execute(async (trx) => {
          const number = (await repository.findLastIssueNumber(trx, row.organizationId)) + 1;
          const issue = { ...row, number };
          await repository.insertIssue(trx, issue);
          await domainEvents.emit(trx, issue.organizationId, {
            type: 'issue.created',
            locationId: issue.locationId,
            data: () => toIssue(issue),
          });
          return issue;
        });
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= NUMBER_ATTEMPTS) throw error;
        // A clash on the client id is the same report arriving twice: no number will help.
        if (
          row.clientId !== null &&
          (await repository.findIssueByClientId(db, row.organizationId, row.clientId))
        )
          throw error;
      }
    }
  }

  return {
    /** `created` is false when the report is a retry of one already received (same clientId). */
    async createIssue(
      actor: Actor,
      body: CreateIssueBody,
    ): Promise<{ issue: Issue; created: boolean }> {
      const replayed = await findReplayedReport(actor, body.clientId);
      if (replayed) return { issue: toIssue(replayed), created: false };
      await assertValidReport(actor, body);
      const now = clock.now().toISOString();
      const row = {
        organizationId: actor.organizationId,
        id: randomUUID(),
        locationId: body.locationId,
        pointId: body.pointId ?? null,
        taskExecutionId: body.taskExecutionId ?? null,
        category: body.category,
        severity: body.severity,
        title: body.title.trim(),
        description: body.description?.trim() || null,
        status: 'OPEN' as const,
        latitude: body.position?.latitude ?? null,
        longitude: body.position?.longitude ?? null,
        accuracyInMeters: body.position ? (body.position.accuracyInMeters ?? null) : null,
        mediaIds: JSON.stringify(body.mediaIds ?? []),
        reportedByMemberId: actor.kind === 'member' ? actor.memberId : null,
        reportedByTokenId: actor.kind === 'token' ? actor.tokenId : null,
        clientId: body.clientId ?? null,
        occurredAt: body.occurredAt ? new Date(body.occurredAt).toISOString() : now,
        createdAt: now,
        updatedAt: now,
        acknowledgedAt: null,
        acknowledgedBy: null,
        resolvedAt: null,
        resolvedBy: null,
      };
      try {
        return { issue: toIssue(await insertWithNextNumber(row)), created: true };
      } catch (error) {
        // The same report arriving twice at once: the second finds the first's row.
        const replay = isUniqueViolation(error)
          ? await findReplayedReport(actor, body.clientId)
          : null;
        if (replay) return { issue: toIssue(replay), created: false };
        throw error;
      }
    },

    async listIssues(
      actor: Actor,
      query: ListIssuesQuery & { limit: number },
    ): Promise<{ issues: Issue[]; nextCursor: string | null }> {
      const filter = parseIssueQuery(query);
      const rows = await repository.listIssues(
        readDatabase.db,
        readDatabase.dialect,
        actor.organizationId,
        {
          ...filter,
          visibleLocationIds: actor.locationIds,
          reportedByMemberId: isPerformer(actor) && actor.kind === 'member' ? actor.memberId : null,
          limit: query.limit + 1,
        },
      );
      const { items, nextCursor } = takePage(rows, query.limit);
      const last = items.at(-1);
      return {
        issues: items.map(toIssue),
        nextCursor: nextCursor !== null && last ? encodeIssueCursor(last) : null,
      };
    },

    async getIssue(actor: Actor, issueId: string): Promise<IssueDetails> {
      return loadDetails(db, await findVisibleIssue(actor, issueId));
    },

    async commentOnIssue(actor: Actor, issueId: string, body: string): Promise<IssueComment> {
      const text = body.trim();
      if (text === '')
        throw invalidIssue({
          detail: 'Write something in the comment.',
          errors: [bodyError('/body', 'must not be blank')],
        });
      const comment = await db.transaction().execute(async (trx) => {
        const issue = await findVisibleIssue(actor, issueId, trx);
        const now = clock.now().toISOString();
        const written = await addComment(
          trx,
          actor,
          issue,
          { body: text, statusChange: null },
          now,
        );
        await repository.touchIssue(trx, issue.organizationId, issue.id, now);
        return written;
      });
      return toComment(comment);
    },

    /**
     * Changes status, severity or category, with an optional comment. A status change stamps who
     * acknowledged or resolved the issue and when, and leaves a comment recording the change.
     * Sending the current status again changes nothing (a retried request must not fail).
     */
    async updateIssue(actor: Actor, issueId: string, body: UpdateIssueBody): Promise<IssueDetails> {
      const remark = body.comment?.trim() || null;
      return db.transaction().execute(async (trx) => {
        const current = await findVisibleIssue(actor, issueId, trx);
        const now = clock.now().toISOString();
        const by = describeActor(actor);
        const next: repository.IssueRow = {
          ...current,
          severity: body.severity ?? current.severity,
          category: body.category ?? current.category,
        };
        const statusChange =
          body.status !== undefined && body.status !== current.status ? body.status : null;
        if (statusChange !== null) {
          if (!canChangeStatus(current.status, statusChange)) {
            const allowed = nextStatusesOf(current.status);
            throw issueStatusChangeNotAllowed({
              detail: `A ${current.status} issue cannot become ${statusChange}; it can become ${allowed.join(' or ')}.`,
              errors: [
                bodyError(
                  '/status',
                  `must be ${allowed.join(' or ')} for a ${current.status} issue`,
                ),
              ],
            });
          }
          if (isReopening(current.status, statusChange) && remark === null)
            throw invalidIssue({
              detail: 'Say why the resolved issue is reopened: send a comment with the change.',
              errors: [bodyError('/comment', 'is required to reopen a RESOLVED issue')],
            });
          next.status = statusChange;
          if (statusChange === 'ACKNOWLEDGED') {
            next.acknowledgedAt = now;
            next.acknowledgedBy = by;
          } else if (statusChange === 'RESOLVED') {
            next.resolvedAt = now;
            next.resolvedBy = by;
          } else {
            // Reopened: it waits to be taken on again; who did what before stays in the comments.
            next.acknowledgedAt = null;
            next.acknowledgedBy = null;
            next.resolvedAt = null;
            next.resolvedBy = null;
          }
        }
        const changed =
          statusChange !== null ||
          next.severity !== current.severity ||
          next.category !== current.category ||
          remark !== null;
        if (changed) {
          next.updatedAt = now;
          await repository.updateIssue(trx, next);
          if (statusChange !== null || remark !== null)
            await addComment(trx, actor, next, { body: remark, statusChange }, now);
          await domainEvents.emit(trx, actor.organizationId, {
            type: 'issue.updated',
            locationId: next.locationId,
            data: () => loadDetails(trx, next),
          });
        }
        return loadDetails(trx, next);
      });
    },
  };
}
