import type { Kysely } from 'kysely';
import type { Database, DatabaseHandle } from '../../database/database.js';
import { isUniqueViolation } from '../../database/dialect.js';
import { defineProblem, type FieldError } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import { isUuid, parseQueryList } from '../../shared/query-lists.js';
import type { Actor } from '../auth/actor.js';
import type { NormalizedAction } from '../checklists/action-definitions.js';
import type { LocationsService } from '../locations/locations.service.js';
import * as pointsRepository from '../points/points.repository.js';
import { executionIdOf, executionPartIdOf, uuidV5 } from './execution-ids.js';
import type { PerformingService, RecordedWrite } from './performing.service.js';
import { invalidExecutionWrite, invalidTaskExecutionQuery } from './task-executions.errors.js';
import * as repository from './task-executions.repository.js';
import type { CheckIn, CheckInsQuery, OnDemandCheckInBody } from './check-ins.schemas.js';
import type { TaskExecutionsService } from './task-executions.service.js';

/**
 * Check-ins: presence proven at a point. On-demand ones (a point that allows them, no task) make
 * a one-off execution of their own, so they have the same log, values, proof and place in the
 * schedule as planned ones (DESIGN §5). `GET /check-ins` lists both kinds.
 */

export type CheckInsService = ReturnType<typeof createCheckInsService>;

export const onDemandNotAllowed = defineProblem({
  type: 'on-demand-check-in-not-allowed',
  title: 'This point does not take on-demand check-ins from you',
  status: 403,
});

const MAX_WINDOW_MS = 31 * 86_400_000;
const SUPERVISORS = new Set(['OWNER', 'ADMIN', 'MANAGER']);

export function createCheckInsService({
  database,
  readDatabase = database,
  clock,
  locationsService,
  taskExecutionsService,
  performingService,
}: {
  database: DatabaseHandle;
  /** Where `listCheckIns` reads: a read replica, or `database`. */
  readDatabase?: DatabaseHandle;
  clock: Clock;
  locationsService: Pick<LocationsService, 'findVisibleLocation'>;
  taskExecutionsService: Pick<TaskExecutionsService, 'createOnDemandTask'>;
  performingService: Pick<PerformingService, 'applyWrite' | 'checkPresence'>;
}) {
  const { db } = database;

  /** The actions the member answers at the point: their own list, else the point's defaults. */
  async function onDemandActions(
    trx: Kysely<Database>,
    actor: Actor & { kind: 'member' },
    point: pointsRepository.PointRow,
  ): Promise<NormalizedAction[]> {
    const settings = (
      await pointsRepository.listMemberSettings(trx, actor.organizationId, [point.id])
    ).get(point.id);
    const mine = settings?.find((setting) => setting.memberId === actor.memberId);
    const allowed =
      point.onDemandCheckIns === 'ALL_MEMBERS' ||
      (point.onDemandCheckIns === 'SELECTED_MEMBERS' && mine?.onDemandAllowed === 1);
    if (!allowed)
      throw onDemandNotAllowed({
        detail: `"${point.name}" takes on-demand check-ins ${
          point.onDemandCheckIns === 'DISABLED' ? 'from nobody' : 'only from selected members'
        }.`,
      });
    return JSON.parse(mine?.actions ?? point.defaultActions) as NormalizedAction[];
  }

  async function checkIn(actor: Actor, body: OnDemandCheckInBody): Promise<RecordedWrite> {
    if (actor.kind !== 'member')
      throw onDemandNotAllowed({
        detail:
          'On-demand check-ins are made by members signed in as themselves, not with an API token.',
      });
    const receivedAt = clock.now().toISOString();
    const deviceTime = body.deviceTime ? new Date(body.deviceTime).toISOString() : null;
    const occurredAt = deviceTime !== null && deviceTime < receivedAt ? deviceTime : receivedAt;
    // Derived from the device's id, so a retried check-in finds what the first one made.
    const taskId = uuidV5(`on-demand/${actor.organizationId}/${body.id}`);
    const presence = {
      method: body.method,
      ...(body.code !== undefined ? { code: body.code } : {}),
      ...(body.nfcTagUid !== undefined ? { nfcTagUid: body.nfcTagUid } : {}),
      ...(body.position !== undefined ? { position: body.position } : {}),
    };
    try {
      return await db.transaction().execute(async (trx) => {
        const existing = await repository.findTaskForUpdate(
          { db: trx, dialect: database.dialect },
          actor.organizationId,
          taskId,
        );
        let executionId: string;
        if (existing) {
          executionId = executionIdOf(taskId, 0);
        } else {
          const point = await pointsRepository.findPoint(trx, actor.organizationId, body.pointId);
          const notFound: FieldError[] = [
            { in: 'body', pointer: '/pointId', detail: 'is not an active point you can see' },
          ];
          if (!point || point.archived === 1)
            throw invalidExecutionWrite({ detail: 'Check /pointId.', errors: notFound });
          const location = await locationsService.findVisibleLocation(actor, point.locationId, trx);
          const actions = await onDemandActions(trx, actor, point);
          // Presence first: a refused check-in leaves nothing behind.
          await performingService.checkPresence(
            trx,
            actor.organizationId,
            { id: 'on-demand', pointId: point.id, order: 0, actions: [] },
            presence,
          );
          const execution = await taskExecutionsService.createOnDemandTask(trx, actor, {
            taskId,
            point,
            location,
            actions,
            startAt: occurredAt,
          });
          executionId = execution.id;
        }
        await performingService.applyWrite(
          trx,
          actor,
          executionId,
          { id: uuidV5(`${body.id}/started`), type: 'STARTED', deviceTime: occurredAt },
          receivedAt,
        );
        const [step] = await repository.listStepsOfTasks(trx, actor.organizationId, [taskId]);
        return performingService.applyWrite(
          trx,
          actor,
          executionId,
          {
            id: body.id,
            type: 'CHECKED_IN',
            deviceTime: occurredAt,
            stepId: executionPartIdOf(executionId, step!.id),
            ...presence,
          },
          receivedAt,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) return checkIn(actor, body);
      throw error;
    }
  }

  return {
    checkIn,

    async listCheckIns(
      actor: Actor,
      query: CheckInsQuery & { limit: number },
    ): Promise<{ items: CheckIn[]; nextCursor: string | null }> {
      const errors: FieldError[] = [];
      const from = Date.parse(query.from);
      const to = Date.parse(query.to);
      if (!(to > from)) errors.push({ in: 'query', pointer: '/to', detail: 'must be after from' });
      else if (to - from > MAX_WINDOW_MS)
        errors.push({ in: 'query', pointer: '/to', detail: 'must be at most 31 days after from' });
      const ids = (name: 'locationIds' | 'pointIds' | 'memberIds') =>
        parseQueryList<string>(query[name], `/${name}`, errors, isUuid, 'ids');
      const locationIds = ids('locationIds');
      const pointIds = ids('pointIds');
      let memberIds = ids('memberIds');
      let after: { occurredAt: string; id: string } | null = null;
      if (query.cursor !== undefined) {
        const [occurredAt, id] = Buffer.from(query.cursor, 'base64url').toString('utf8').split('|');
        if (!occurredAt || !id)
          errors.push({ in: 'query', pointer: '/cursor', detail: 'is not a cursor of this list' });
        else after = { occurredAt, id };
      }
      if (errors.length > 0)
        throw invalidTaskExecutionQuery({
          detail: `Check ${errors.map((error) => error.pointer).join(', ')}.`,
          errors,
        });
      // Performers see their own check-ins; supervisors and tokens every one they can see.
      if (actor.kind === 'member' && !SUPERVISORS.has(actor.role)) memberIds = [actor.memberId];
      const rows = await repository.listCheckIns(readDatabase.db, actor.organizationId, {
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        visibleLocationIds: actor.locationIds,
        locationIds,
        pointIds,
        memberIds,
        onDemand: query.onDemand ?? null,
        after,
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const items = page.map((row) => {
        const payload = JSON.parse(row.payload) as {
          stepId: string;
          method: CheckIn['method'];
          distanceInMeters?: number;
        };
        return {
          id: row.id,
          executionId: row.taskExecutionId,
          stepId: payload.stepId,
          pointId: row.pointId!,
          locationId: row.locationId,
          memberId: row.actorMemberId!,
          method: payload.method,
          distanceInMeters: payload.distanceInMeters ?? null,
          onDemand: row.onDemand === 1,
          occurredAt: row.occurredAt,
          receivedAt: row.receivedAt,
        };
      });
      const last = page.at(-1);
      return {
        items,
        nextCursor:
          rows.length > query.limit && last
            ? Buffer.from(`${last.occurredAt}|${last.id}`, 'utf8').toString('base64url')
            : null,
      };
    },
  };
}
