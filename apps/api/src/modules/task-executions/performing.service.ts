import type { Kysely } from 'kysely';
import type { Database, DatabaseHandle } from '../../database/database.js';
import { isUniqueViolation } from '../../database/dialect.js';
import { AppError, type FieldError } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../auth/actor.js';
import { normalizeNfcTagUid } from '../points/nfc-tag-uids.js';
import * as pointsRepository from '../points/points.repository.js';
import {
  GENESIS_HASH,
  hashEvent,
  verifyChain,
  type EventPayload,
  type ExecutionEvent,
} from './execution-events.js';
import { uuidV5 } from './execution-ids.js';
import type { ExecutionReader } from './execution-reader.js';
import {
  computeResults,
  foldPerformances,
  type ExecutionPlanView,
  type Performance,
  type PlannedAction,
  type PlannedStepView,
} from './execution-results.js';
import type { DomainEvents } from '../../shared/domain-events.js';
import type { WebhookEventType } from '../webhooks/webhooks.service.js';
import type { ExecutionWrite } from './performing.schemas.js';
import {
  checkInRefused,
  deadlinePassed,
  executionNotInProgress,
  invalidExecutionWrite,
  notAnAssignee,
  stepOutOfOrder,
  taskExecutionNotFound,
  writeIdReused,
} from './task-executions.errors.js';
import * as repository from './task-executions.repository.js';
import type { ExecutionRow } from './task-executions.repository.js';
import type { TaskExecutionInfo } from './task-executions.schemas.js';

/**
 * Performing executions (DESIGN §5): each field write is checked against the plan and what the
 * performer has done so far, then appended to the execution's hash-chained log in one
 * transaction with the row's summary. Writes carry the device's id and time, so an offline queue
 * replayed any number of times is applied once, and rules judge the time the guard acted.
 */

export type PerformingService = ReturnType<typeof createPerformingService>;

/** What the performer API needs of uploaded media (the media module provides it). */
export type FindMedia = (
  organizationId: string,
  ids: readonly string[],
  /** The transaction the write runs in: it must read through it (SQLite has one connection). */
  trx: Kysely<Database>,
) => Promise<ReadonlyMap<string, { readonly capture: string }>>;

/** A GPS fix less precise than this proves nothing about which point the device is at. */
export const MAX_GPS_ACCURACY_METERS = 100;

const EARTH_RADIUS_METERS = 6_371_008.8;

/** Great-circle distance (haversine); plenty for the tens of metres a check-in is about. */
export function distanceInMeters(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLatitude = radians(b.latitude - a.latitude);
  const dLongitude = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLatitude / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLongitude / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface RecordedWrite {
  readonly event: ExecutionEvent;
  readonly replayed: boolean;
  readonly execution: TaskExecutionInfo;
}

const bodyError = (pointer: string, detail: string): FieldError => ({
  in: 'body',
  pointer,
  detail,
});

/** The fields each write type may carry besides id, type and deviceTime. */
const FIELDS_BY_TYPE: Record<ExecutionWrite['type'], readonly (keyof ExecutionWrite)[]> = {
  SEEN: [],
  STARTED: [],
  CHECKED_IN: ['stepId', 'method', 'code', 'nfcTagUid', 'position'],
  VALUE_RECORDED: [
    'actionId',
    'booleanValue',
    'numberValue',
    'textValue',
    'selectedValues',
    'mediaIds',
  ],
  VALUE_CLEARED: ['actionId'],
  STEP_SKIPPED: ['stepId', 'reason'],
  ACTION_SKIPPED: ['actionId', 'reason'],
  NOTES_CHANGED: ['notes'],
  FINISHED: [],
  GAVE_UP: ['reason'],
};
const PAYLOAD_FIELDS = [...new Set(Object.values(FIELDS_BY_TYPE).flat())];

/** Writes that move the performance on; after a deadlined window they are refused. */
const BOUND_BY_DEADLINE = new Set<ExecutionWrite['type']>([
  'STARTED',
  'CHECKED_IN',
  'VALUE_RECORDED',
  'VALUE_CLEARED',
  'STEP_SKIPPED',
  'ACTION_SKIPPED',
  'FINISHED',
]);

export function createPerformingService({
  database,
  clock,
  executionReader,
  findMedia,
  domainEvents,
}: {
  database: DatabaseHandle;
  clock: Clock;
  executionReader: ExecutionReader;
  findMedia: FindMedia;
  domainEvents: DomainEvents;
}) {
  const { db } = database;

  async function findVisibleExecution(
    trx: Kysely<Database>,
    actor: Actor,
    executionId: string,
    lock: boolean,
  ): Promise<ExecutionRow> {
    const row = lock
      ? await repository.findExecutionForUpdate(
          database.dialect,
          trx,
          actor.organizationId,
          executionId,
        )
      : await repository.findExecution(trx, actor.organizationId, executionId);
    const performer = actor.kind === 'member' && (actor.role === 'USER' || actor.role === 'GUARD');
    if (
      !row ||
      (actor.locationIds !== null && !actor.locationIds.includes(row.locationId)) ||
      (row.published === 0 && performer)
    )
      // The id is not echoed: a batch answers for many executions at once.
      throw taskExecutionNotFound({ detail: 'There is no such task execution.' });
    return row;
  }

  /** The payload a write stores: its own fields, checked for its type. */
  function payloadOf(write: ExecutionWrite): EventPayload {
    const allowed = FIELDS_BY_TYPE[write.type];
    const misplaced = PAYLOAD_FIELDS.filter(
      (field) => write[field] !== undefined && !allowed.includes(field),
    );
    if (misplaced.length > 0)
      throw invalidExecutionWrite({
        detail: `A ${write.type} write does not take ${misplaced.join(', ')}.`,
        errors: misplaced.map((field) =>
          bodyError(`/${field}`, `does not apply to a ${write.type} write`),
        ),
      });
    const payload: EventPayload = {};
    for (const field of allowed)
      if (write[field] !== undefined) Object.assign(payload, { [field]: write[field] });
    return payload;
  }

  function requireField<K extends keyof EventPayload>(
    payload: EventPayload,
    field: K,
    type: string,
  ): NonNullable<EventPayload[K]> {
    const value = payload[field];
    if (value === undefined || value === null)
      throw invalidExecutionWrite({
        detail: `A ${type} write needs ${field}.`,
        errors: [bodyError(`/${field}`, `is required for ${type}`)],
      });
    return value;
  }

  function findStep(plan: ExecutionPlanView, stepId: string): PlannedStepView {
    const step = plan.steps.find((candidate) => candidate.id === stepId);
    if (!step)
      throw invalidExecutionWrite({
        detail: 'The step is not one of this execution’s.',
        errors: [bodyError('/stepId', 'is not a step of this execution')],
      });
    return step;
  }

  function findAction(
    plan: ExecutionPlanView,
    actionId: string,
  ): { step: PlannedStepView; action: PlannedAction } {
    for (const step of plan.steps) {
      const action = step.actions.find((candidate) => candidate.id === actionId);
      if (action) return { step, action };
    }
    throw invalidExecutionWrite({
      detail: 'The action is not one of this execution’s.',
      errors: [bodyError('/actionId', 'is not an action of this execution')],
    });
  }

  /** Presence at the step's point: its QR code, its NFC tag, or a position within its radius. */
  async function checkPresence(
    trx: Kysely<Database>,
    organizationId: string,
    step: PlannedStepView,
    payload: EventPayload,
  ): Promise<EventPayload> {
    const method = requireField(payload, 'method', 'CHECKED_IN');
    const point = await pointsRepository.findPoint(trx, organizationId, step.pointId);
    if (!point) throw new Error(`point ${step.pointId} of a planned step is missing`);
    const refuse = (pointer: string, detail: string): never => {
      throw checkInRefused({
        detail: `Not at "${point.name}": ${detail}.`,
        errors: [bodyError(pointer, detail)],
      });
    };
    switch (method) {
      case 'QR':
      case 'MANUAL':
        if (requireField(payload, 'code', 'a QR or MANUAL check-in').trim() !== point.qrCode)
          refuse('/code', 'is not the code of this step’s point');
        return payload;
      case 'NFC': {
        const uid = normalizeNfcTagUid(requireField(payload, 'nfcTagUid', 'an NFC check-in'));
        if (point.nfcTagUid === null) refuse('/method', 'this point has no NFC tag');
        if (uid === null || uid !== point.nfcTagUid)
          refuse('/nfcTagUid', 'is not the tag of this step’s point');
        return payload;
      }
      case 'GPS': {
        const position = requireField(payload, 'position', 'a GPS check-in');
        if (point.latitude === null || point.longitude === null || point.radiusMeters === null)
          return refuse('/method', 'this point has no GPS position; scan its code instead');
        if (position.accuracyInMeters > MAX_GPS_ACCURACY_METERS)
          refuse(
            '/position/accuracyInMeters',
            `is over ${MAX_GPS_ACCURACY_METERS} m: too imprecise to prove presence`,
          );
        const distance = distanceInMeters(position, {
          latitude: point.latitude,
          longitude: point.longitude,
        });
        // The fix is a circle of `accuracy` around the reading: it must reach the point's radius.
        if (distance - position.accuracyInMeters > point.radiusMeters)
          refuse(
            '/position',
            `is ${Math.round(distance)} m away (±${Math.round(position.accuracyInMeters)} m); the point accepts ${point.radiusMeters} m`,
          );
        return { ...payload, distanceInMeters: Math.round(distance * 10) / 10 };
      }
    }
  }

  /** A value checked against its action's definition (DESIGN §5: refuse malformed, flag alerting). */
  async function checkValue(
    trx: Kysely<Database>,
    organizationId: string,
    { action }: { action: PlannedAction },
    payload: EventPayload,
  ): Promise<void> {
    const { definition } = action;
    const given = (
      ['booleanValue', 'numberValue', 'textValue', 'selectedValues', 'mediaIds'] as const
    ).filter((field) => payload[field] !== undefined);
    const expected = (
      {
        BOOLEAN: 'booleanValue',
        NUMBER: 'numberValue',
        TEXT: 'textValue',
        SELECT: 'textValue',
        MULTISELECT: 'selectedValues',
        MEDIA: 'mediaIds',
        INSTRUCTION: null,
      } as const
    )[definition.type];
    const fail = (pointer: string, detail: string): never => {
      throw invalidExecutionWrite({
        detail: `"${definition.name}" (${definition.type}): ${pointer.slice(1)} ${detail}.`,
        errors: [bodyError(pointer, detail)],
      });
    };
    if (expected === null) fail('/actionId', 'is an instruction: it takes no value');
    for (const field of given)
      if (field !== expected) fail(`/${field}`, `does not apply to a ${definition.type} action`);
    if (!given.includes(expected!))
      fail(`/${expected}`, `is required for a ${definition.type} action`);

    switch (definition.type) {
      case 'NUMBER':
        if (!Number.isFinite(payload.numberValue)) fail('/numberValue', 'must be a finite number');
        return;
      case 'TEXT': {
        const text = payload.textValue!;
        if (definition.maxLength !== null && [...text].length > definition.maxLength)
          fail('/textValue', `is longer than ${definition.maxLength} characters`);
        if (definition.regex !== null && !new RegExp(`^(?:${definition.regex})$`, 'u').test(text))
          fail('/textValue', `does not match the expected format ${definition.regex}`);
        return;
      }
      case 'SELECT': {
        const options = (definition.options ?? []).map((option) => option.value);
        if (!options.includes(payload.textValue!))
          fail('/textValue', `is not one of the options (${options.join(', ')})`);
        return;
      }
      case 'MULTISELECT': {
        const options = (definition.options ?? []).map((option) => option.value);
        const chosen = payload.selectedValues!;
        if (chosen.length === 0) fail('/selectedValues', 'must name at least one option');
        chosen.forEach((value, index) => {
          if (!options.includes(value))
            fail(`/selectedValues/${index}`, `is not one of the options (${options.join(', ')})`);
        });
        return;
      }
      case 'MEDIA': {
        const ids = payload.mediaIds!;
        if (definition.maxCount !== null && ids.length > definition.maxCount)
          fail('/mediaIds', `holds more than ${definition.maxCount} files`);
        const media = await findMedia(organizationId, ids, trx);
        ids.forEach((id, index) => {
          const found = media.get(id);
          if (!found) fail(`/mediaIds/${index}`, 'is not media uploaded to this organization');
          else if (definition.cameraOnly === true && found.capture !== 'CAMERA')
            fail(
              `/mediaIds/${index}`,
              'was not taken with the camera, and this action is camera-only',
            );
        });
        return;
      }
      default:
        return;
    }
  }

  /** The rules of DESIGN §5 for one write by `mine` (this performer's own progress). */
  async function checkWrite(
    trx: Kysely<Database>,
    organizationId: string,
    plan: ExecutionPlanView,
    mine: Performance | undefined,
    write: ExecutionWrite,
    payload: EventPayload,
    occurredAt: string,
  ): Promise<EventPayload> {
    const state = mine?.state ?? 'PLANNED';
    const notInProgress = (detail: string) => executionNotInProgress({ detail });
    if (plan.deadlined && BOUND_BY_DEADLINE.has(write.type) && occurredAt > plan.endAt)
      throw deadlinePassed({
        detail: `The window ended at ${plan.endAt} and the task is deadlined: nothing more can be done on it.`,
      });
    if (write.type === 'SEEN' || write.type === 'NOTES_CHANGED') return payload;
    if (write.type === 'STARTED') {
      if (state !== 'PLANNED') throw notInProgress('You have already started this execution.');
      return payload;
    }
    if (state === 'PLANNED') throw notInProgress('Start the execution first.');
    if (state !== 'IN_PROGRESS')
      throw notInProgress(
        `You have already ${state === 'COMPLETED' ? 'finished' : 'closed'} this execution.`,
      );

    switch (write.type) {
      case 'CHECKED_IN':
      case 'STEP_SKIPPED': {
        const step = findStep(plan, requireField(payload, 'stepId', write.type));
        if (write.type === 'STEP_SKIPPED') requireField(payload, 'reason', write.type);
        const done = mine?.steps.get(step.id)?.state ?? null;
        if (done !== null)
          throw notInProgress(
            `The step is already ${done === 'CHECKED_IN' ? 'checked in' : 'skipped'}.`,
          );
        if (write.type === 'STEP_SKIPPED') return payload;
        if (plan.orderStepsRequired) {
          const next = plan.steps.find((candidate) => !mine?.steps.get(candidate.id)?.state);
          if (next && next.id !== step.id)
            throw stepOutOfOrder({
              detail:
                'This task requires its steps in order: check in at the next step first (or skip it with a reason).',
              errors: [bodyError('/stepId', `is not the next step; the next is ${next.id}`)],
            });
        }
        return checkPresence(trx, organizationId, step, payload);
      }
      case 'VALUE_RECORDED':
      case 'VALUE_CLEARED':
      case 'ACTION_SKIPPED': {
        const found = findAction(plan, requireField(payload, 'actionId', write.type));
        const stepState = mine?.steps.get(found.step.id)?.state ?? null;
        if (write.type === 'ACTION_SKIPPED') {
          requireField(payload, 'reason', write.type);
          return payload;
        }
        if (stepState !== 'CHECKED_IN')
          throw notInProgress(
            stepState === 'SKIPPED'
              ? 'The action’s step was skipped.'
              : 'Check in at the action’s step first: values are recorded at the point.',
          );
        if (write.type === 'VALUE_RECORDED') await checkValue(trx, organizationId, found, payload);
        return payload;
      }
      case 'GAVE_UP':
        requireField(payload, 'reason', write.type);
        return payload;
      case 'FINISHED':
        return payload;
    }
  }

  /** Appends one event and refreshes the row's summary; the caller holds the row's lock. */
  async function append(
    trx: Kysely<Database>,
    row: ExecutionRow,
    plan: ExecutionPlanView,
    events: readonly ExecutionEvent[],
    event: Omit<ExecutionEvent, 'hash' | 'sequence' | 'previousHash'>,
  ): Promise<ExecutionEvent> {
    const unhashed = {
      ...event,
      sequence: row.eventCount + 1,
      previousHash: row.lastHash ?? GENESIS_HASH,
    };
    const stored: ExecutionEvent = { ...unhashed, hash: hashEvent(unhashed) };
    await repository.insertEvent(trx, { ...stored, payload: JSON.stringify(stored.payload) });
    const results = computeResults([...events, stored], plan);
    await repository.updateExecution(trx, row.organizationId, row.id, {
      state: row.state === 'CANCELED' ? 'CANCELED' : results.state,
      status: results.status,
      performerId: results.performerId,
      startedAt: results.startedAt,
      endedAt: results.endedAt,
      collision: results.collision ? 1 : 0,
      eventCount: stored.sequence,
      lastHash: stored.hash,
      updatedAt: event.receivedAt,
    });
    return stored;
  }

  async function presentOne(trx: Kysely<Database>, organizationId: string, executionId: string) {
    const row = await repository.findExecution(trx, organizationId, executionId);
    return (await executionReader.present(trx, organizationId, [row!]))[0]!;
  }

  /**
   * Checks and appends one write inside the caller's transaction; a write applied before is
   * answered as a replay.
   */
  async function applyWrite(
    trx: Kysely<Database>,
    actor: Actor & { kind: 'member' },
    executionId: string,
    write: ExecutionWrite,
    receivedAt: string,
  ): Promise<RecordedWrite> {
    const payload = payloadOf(write);
    const earlier = await repository.findEvent(trx, actor.organizationId, write.id);
    if (earlier) {
      if (earlier.taskExecutionId !== executionId || earlier.type !== write.type)
        throw writeIdReused({
          detail: `The write id ${write.id} was used for another write; generate a new id for each write.`,
        });
      await findVisibleExecution(trx, actor, executionId, false);
      return {
        event: {
          ...earlier,
          type: earlier.type,
          payload: JSON.parse(earlier.payload) as EventPayload,
        },
        replayed: true,
        execution: await presentOne(trx, actor.organizationId, executionId),
      };
    }
    const row = await findVisibleExecution(trx, actor, executionId, true);
    if (row.state === 'CANCELED')
      throw executionNotInProgress({ detail: 'The execution was canceled.' });
    const versions = await executionReader.loadVersions(trx, actor.organizationId, [row]);
    const plan = executionReader.planViewOf(row, versions);
    if (!plan.assigneeIds.includes(actor.memberId))
      throw notAnAssignee({ detail: 'You are not assigned to this execution.' });
    const events =
      (await executionReader.loadEvents(trx, actor.organizationId, [row])).get(row.id) ?? [];
    const { performances } = foldPerformances(events, plan);
    const deviceTime = write.deviceTime ? new Date(write.deviceTime).toISOString() : null;
    const occurredAt = deviceTime !== null && deviceTime < receivedAt ? deviceTime : receivedAt;
    const checked = await checkWrite(
      trx,
      actor.organizationId,
      plan,
      performances.get(actor.memberId),
      write,
      payload,
      occurredAt,
    );
    const event = await append(trx, row, plan, events, {
      organizationId: actor.organizationId,
      id: write.id,
      taskExecutionId: row.id,
      type: write.type,
      actorMemberId: actor.memberId,
      deviceTime,
      receivedAt,
      occurredAt,
      payload: checked,
      pointId: write.type === 'CHECKED_IN' ? findStep(plan, checked.stepId!).pointId : null,
    });
    const execution = await presentOne(trx, actor.organizationId, row.id);
    await emitFor(trx, row, event, execution);
    return { event, replayed: false, execution };
  }

  /** The webhook event a recorded write makes (webhooks carry what the API's GET returns). */
  async function emitFor(
    trx: Kysely<Database>,
    row: ExecutionRow,
    event: ExecutionEvent,
    execution: TaskExecutionInfo,
  ) {
    const outcome: Partial<Record<ExecutionEvent['type'], WebhookEventType>> = {
      SEEN: 'task-execution.seen',
      FINISHED: 'task-execution.completed',
      GAVE_UP: 'task-execution.incomplete',
      CLOSED_AT_DEADLINE: 'task-execution.incomplete',
    };
    const type: WebhookEventType =
      event.type === 'STARTED'
        ? execution.performerId === event.actorMemberId && execution.startedAt === event.occurredAt
          ? 'task-execution.started'
          : 'task-execution.updated'
        : (outcome[event.type] ?? 'task-execution.updated');
    await domainEvents.emit(trx, row.organizationId, {
      type,
      locationId: row.locationId,
      data: () => execution,
    });
    if (event.type === 'CHECKED_IN')
      await domainEvents.emit(trx, row.organizationId, {
        type: 'check-in.created',
        locationId: row.locationId,
        data: () => ({
          id: event.id,
          executionId: row.id,
          stepId: event.payload.stepId,
          pointId: event.pointId,
          locationId: row.locationId,
          memberId: event.actorMemberId,
          method: event.payload.method,
          distanceInMeters: event.payload.distanceInMeters ?? null,
          onDemand: execution.name.startsWith('On-demand check-in'),
          occurredAt: event.occurredAt,
          receivedAt: event.receivedAt,
        }),
      });
  }

  function assertMember(actor: Actor): asserts actor is Actor & { kind: 'member' } {
    if (actor.kind !== 'member')
      throw notAnAssignee({
        detail:
          'Executions are performed by their assignees, signed in as themselves, not with an API token.',
      });
  }

  async function recordWrite(
    actor: Actor,
    executionId: string,
    write: ExecutionWrite,
  ): Promise<RecordedWrite> {
    assertMember(actor);
    const receivedAt = clock.now().toISOString();
    try {
      return await db
        .transaction()
        .execute((trx) => applyWrite(trx, actor, executionId, write, receivedAt));
    } catch (error) {
      // Two writes with one id raced past the lookup: the loser is a replay or a reuse.
      if (isUniqueViolation(error)) return recordWrite(actor, executionId, write);
      throw error;
    }
  }

  return {
    recordWrite,
    applyWrite,
    checkPresence,

    /**
     * An offline queue: each write on its own, in order; a refused one does not stop the rest
     * (the device shows it), and a replayed one is reported as such.
     */
    async recordBatch(
      actor: Actor,
      writes: readonly (ExecutionWrite & { executionId: string })[],
    ): Promise<
      {
        id: string;
        outcome: 'APPLIED' | 'REPLAYED' | 'REFUSED';
        error: AppError | null;
      }[]
    > {
      const outcomes = [];
      for (const { executionId, ...write } of writes) {
        try {
          const recorded = await recordWrite(actor, executionId, write);
          outcomes.push({
            id: write.id,
            outcome: recorded.replayed ? ('REPLAYED' as const) : ('APPLIED' as const),
            error: null,
          });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          outcomes.push({ id: write.id, outcome: 'REFUSED' as const, error });
        }
      }
      return outcomes;
    },

    /**
     * What the performer's forms check before sending: every action's whole definition (the
     * info object carries only the guide's fields), by the ids the execution shows.
     */
    async getPlan(actor: Actor, executionId: string) {
      const row = await findVisibleExecution(db, actor, executionId, false);
      const versions = await executionReader.loadVersions(db, actor.organizationId, [row]);
      const plan = executionReader.planViewOf(row, versions);
      return {
        executionId: row.id,
        steps: plan.steps.map((step) => ({
          id: step.id,
          pointId: step.pointId,
          order: step.order,
          actions: step.actions.map((action) => ({ id: action.id, definition: action.definition })),
        })),
      };
    },

    async listEvents(actor: Actor, executionId: string): Promise<ExecutionEvent[]> {
      const row = await findVisibleExecution(db, actor, executionId, false);
      return (await executionReader.loadEvents(db, actor.organizationId, [row])).get(row.id) ?? [];
    },

    async verifyEvents(actor: Actor, executionId: string) {
      const row = await findVisibleExecution(db, actor, executionId, false);
      const events = await repository.listAllEvents(db, actor.organizationId, row.id);
      return { ...verifyLog(row, events), verifiedAt: clock.now().toISOString() };
    },

    /**
     * Verifies every execution's log the way `verifyEvents` verifies one, for the operator's
     * commands (after a restore or an import), not for a request: no actor, every organization
     * or the one given. Reads a page of executions at a time, so memory stays flat.
     */
    async verifyAllEvents(options: { organizationId?: string } = {}) {
      const organizationIds = options.organizationId
        ? [options.organizationId]
        : (await db.selectFrom('organizations').select('id').orderBy('id').execute()).map(
            (organization) => organization.id,
          );
      let executionCount = 0;
      let eventCount = 0;
      const invalid: {
        organizationId: string;
        taskExecutionId: string;
        firstInvalidSequence: number | null;
      }[] = [];
      for (const organizationId of organizationIds) {
        let afterId: string | null = null;
        for (;;) {
          const rows = await repository.listExecutionLogEnds(db, organizationId, afterId, 500);
          if (rows.length === 0) break;
          const events = await repository.listEventsOfExecutions(
            db,
            organizationId,
            rows.map((row) => row.id),
          );
          const byExecution = new Map<string, repository.EventRow[]>();
          for (const event of events) {
            const log = byExecution.get(event.taskExecutionId) ?? [];
            log.push(event);
            byExecution.set(event.taskExecutionId, log);
          }
          for (const row of rows) {
            const verification = verifyLog(row, byExecution.get(row.id) ?? []);
            executionCount += 1;
            eventCount += verification.eventCount;
            if (!verification.valid)
              invalid.push({
                organizationId,
                taskExecutionId: row.id,
                firstInvalidSequence: verification.firstInvalidSequence,
              });
          }
          afterId = rows.at(-1)!.id;
        }
      }
      return { executionCount, eventCount, invalid };
    },

    /**
     * The job's part: closes executions still in progress after a deadlined window, as
     * INCOMPLETE, with an event of the server's. Returns how many.
     */
    async closeAtDeadline(): Promise<number> {
      const now = clock.now().toISOString();
      const due = await repository.listInProgressDeadlinedBefore(db, now, 200);
      for (const candidate of due) {
        await db.transaction().execute(async (trx) => {
          const row = await repository.findExecutionForUpdate(
            database.dialect,
            trx,
            candidate.organizationId,
            candidate.id,
          );
          if (row?.state !== 'IN_PROGRESS') return;
          const versions = await executionReader.loadVersions(trx, row.organizationId, [row]);
          const plan = executionReader.planViewOf(row, versions);
          const events =
            (await executionReader.loadEvents(trx, row.organizationId, [row])).get(row.id) ?? [];
          const event = await append(trx, row, plan, events, {
            organizationId: row.organizationId,
            // Derived, so a repeated run cannot close the same execution twice.
            id: uuidV5(`${row.id}/closed-at-deadline`),
            taskExecutionId: row.id,
            type: 'CLOSED_AT_DEADLINE',
            actorMemberId: null,
            deviceTime: null,
            receivedAt: now,
            occurredAt: plan.endAt,
            payload: {},
            pointId: null,
          });
          await emitFor(trx, row, event, await presentOne(trx, row.organizationId, row.id));
        });
      }
      return due.length;
    },
  };
}

/** Recomputes one execution's log and checks the row's summary agrees with where it ends. */
function verifyLog(
  row: { readonly eventCount: number; readonly lastHash: string | null },
  events: readonly repository.EventRow[],
) {
  const verification = verifyChain(
    events.map((event) => ({
      ...event,
      type: event.type as ExecutionEvent['type'],
      payload: JSON.parse(event.payload) as EventPayload,
    })),
  );
  // The row's summary must agree with the log's end, or events were removed from the end.
  const truncated =
    verification.valid &&
    (events.length !== row.eventCount || (row.lastHash ?? GENESIS_HASH) !== verification.lastHash);
  return {
    ...verification,
    valid: verification.valid && !truncated,
    firstInvalidSequence: truncated ? events.length + 1 : verification.firstInvalidSequence,
  };
}
