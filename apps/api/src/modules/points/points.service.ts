import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, DatabaseHandle } from '../../database/database.js';
import { isUniqueViolation } from '../../database/dialect.js';
import { listVersions, recordVersion } from '../../database/versions.js';
import { AppError, type FieldError } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import { takePage } from '../../shared/paging.js';
import { describeActor, type Actor } from '../auth/actor.js';
import {
  normalizeActionDefinitions,
  validateActionDefinitions,
  type ActionDefinition,
  type NormalizedAction,
} from '../checklists/action-definitions.js';
import type { LocationsService } from '../locations/locations.service.js';
import { normalizeNfcTagUid } from './nfc-tag-uids.js';
import { invalidPoint, locationArchived, nfcTagInUse, pointNotFound } from './points.errors.js';
import * as repository from './points.repository.js';
import type {
  CreatePointBody,
  Point,
  PointMemberSetting,
  PointMemberSettingBody,
  UpdatePointBody,
} from './points.schemas.js';
import { generateQrPayload } from './qr-codes.js';

export type PointsService = ReturnType<typeof createPointsService>;

/** A point row with its member settings: everything a version snapshot holds. */
interface PointState {
  readonly row: repository.PointRow;
  readonly memberSettings: readonly PointMemberSetting[];
}

function toPoint({ row, memberSettings }: PointState): Point {
  return {
    id: row.id,
    historyId: row.historyId,
    locationId: row.locationId,
    name: row.name,
    description: row.description,
    qrCode: row.qrCode,
    nfcTagUid: row.nfcTagUid,
    latitude: row.latitude,
    longitude: row.longitude,
    radiusMeters: row.radiusMeters,
    onDemandCheckIns: row.onDemandCheckIns,
    defaultActions: JSON.parse(row.defaultActions) as NormalizedAction[],
    memberSettings: [...memberSettings],
    archived: row.archived === 1,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Performers prove presence by scanning the printed code; if they could read its payload here,
 * they could check in from anywhere. Only supervisors and tokens see it.
 */
function canReadQrPayload(actor: Actor): boolean {
  return actor.kind === 'token' || (actor.role !== 'USER' && actor.role !== 'GUARD');
}

function presentPoint(actor: Actor, point: Point): Point {
  return canReadQrPayload(actor) ? point : { ...point, qrCode: null };
}

function toMemberSetting(row: repository.PointMemberSettingRow): PointMemberSetting {
  return {
    memberId: row.memberId,
    onDemandAllowed: row.onDemandAllowed === 1,
    actions: row.actions === null ? null : (JSON.parse(row.actions) as NormalizedAction[]),
  };
}

/**
 * The rules a schema cannot state: GPS is a triple (all of latitude, longitude and radiusMeters,
 * or none), action lists follow the action rules, a member is listed once.
 */
function validatePointFields(
  point: Pick<repository.PointRow, 'latitude' | 'longitude' | 'radiusMeters'>,
  defaultActions: readonly ActionDefinition[] | undefined,
  memberSettings: readonly PointMemberSettingBody[] | undefined,
): FieldError[] {
  const errors: FieldError[] = [];
  const gps = {
    latitude: point.latitude,
    longitude: point.longitude,
    radiusMeters: point.radiusMeters,
  };
  const given = Object.entries(gps).filter(([, value]) => value !== null);
  if (given.length > 0 && given.length < 3) {
    for (const [field, value] of Object.entries(gps)) {
      if (value === null)
        errors.push({
          in: 'body',
          pointer: `/${field}`,
          detail: 'is required with the other GPS fields (latitude, longitude, radiusMeters)',
        });
    }
  }
  if (point.radiusMeters !== null && !(point.radiusMeters >= 1 && point.radiusMeters <= 10_000))
    errors.push({ in: 'body', pointer: '/radiusMeters', detail: 'must be 1 to 10000 metres' });
  if (defaultActions) errors.push(...validateActionDefinitions(defaultActions, '/defaultActions'));
  const seenMembers = new Map<string, number>();
  memberSettings?.forEach((setting, index) => {
    const earlier = seenMembers.get(setting.memberId);
    if (earlier !== undefined)
      errors.push({
        in: 'body',
        pointer: `/memberSettings/${index}/memberId`,
        detail: `is listed already at /memberSettings/${earlier}`,
      });
    seenMembers.set(setting.memberId, index);
    if (setting.actions)
      errors.push(
        ...validateActionDefinitions(setting.actions, `/memberSettings/${index}/actions`),
      );
  });
  return errors;
}

function normalizeMemberSettings(
  settings: readonly PointMemberSettingBody[],
): PointMemberSetting[] {
  return [...settings]
    .map((setting) => ({
      memberId: setting.memberId,
      onDemandAllowed: setting.onDemandAllowed,
      actions: setting.actions === null ? null : normalizeActionDefinitions(setting.actions),
    }))
    .sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
}

function normalizeNfcField(input: string | null | undefined): string | null | undefined {
  if (input === undefined || input === null) return input;
  const normalized = normalizeNfcTagUid(input);
  if (normalized === null)
    throw invalidPoint({
      detail: `"${input}" is not an NFC tag UID: give 4 to 10 bytes in hex, e.g. 04:A2:3B:1C:5D:80:81.`,
      errors: [{ in: 'body', pointer: '/nfcTagUid', detail: 'must be 4 to 10 bytes of hex' }],
    });
  return normalized;
}

export function createPointsService({
  database,
  clock,
  locationsService,
}: {
  database: DatabaseHandle;
  clock: Clock;
  locationsService: Pick<LocationsService, 'findVisibleLocation'>;
}) {
  const { db } = database;

  /**
   * A point the actor may see: another organization's, or one at a location the actor does not
   * see, is "not found" — its existence is not revealed. The location rule is the one of
   * `findVisibleLocation`, applied to the row at hand instead of costing a second query.
   */
  async function findVisiblePoint(actor: Actor, pointId: string, target: Kysely<Database> = db) {
    const row = await repository.findPoint(target, actor.organizationId, pointId);
    if (!row || (actor.locationIds !== null && !actor.locationIds.includes(row.locationId)))
      throw pointNotFound({ detail: `There is no point ${pointId}.` });
    return row;
  }

  async function loadState(
    target: Kysely<Database>,
    row: repository.PointRow,
  ): Promise<PointState> {
    const settings = await repository.listMemberSettings(target, row.organizationId, [row.id]);
    return { row, memberSettings: (settings.get(row.id) ?? []).map(toMemberSetting) };
  }

  /** The location a point is placed at: visible to the actor and not archived. */
  async function assertUsableLocation(actor: Actor, locationId: string, target: Kysely<Database>) {
    const location = await locationsService
      .findVisibleLocation(actor, locationId, target)
      .catch((error: unknown) => {
        if (error instanceof AppError && error.status === 404)
          throw invalidPoint({
            detail: `There is no location ${locationId}.`,
            errors: [
              { in: 'body', pointer: '/locationId', detail: 'is not a location you can see' },
            ],
            cause: error,
          });
        throw error;
      });
    if (location.archived)
      throw locationArchived({
        detail: `The location "${location.name}" is archived: restore it first.`,
        errors: [{ in: 'body', pointer: '/locationId', detail: 'is archived' }],
      });
    return location;
  }

  async function assertActiveMembers(
    target: Kysely<Database>,
    organizationId: string,
    settings: readonly PointMemberSettingBody[],
  ) {
    const active = await repository.findActiveMemberIds(
      target,
      organizationId,
      settings.map((setting) => setting.memberId),
    );
    const errors = settings.flatMap((setting, index) =>
      active.has(setting.memberId)
        ? []
        : [
            {
              in: 'body' as const,
              pointer: `/memberSettings/${index}/memberId`,
              detail: 'is not an active member of this organization',
            },
          ],
    );
    if (errors.length > 0)
      throw invalidPoint({ detail: 'Give settings for active members only.', errors });
  }

  /** Writes the point's new state as a version, then the row pointing at it, in `target`. */
  async function save(
    target: Kysely<Database>,
    actor: Actor,
    state: PointState,
    memberSettingsChanged: boolean,
  ) {
    const { row } = state;
    row.historyId = await recordVersion(
      target,
      'pointVersions',
      row,
      toPoint(state),
      describeActor(actor),
      row.updatedAt,
    );
    await repository.updatePoint(target, row);
    if (memberSettingsChanged)
      await repository.replaceMemberSettings(
        target,
        row.organizationId,
        row.id,
        state.memberSettings.map((setting) => ({
          organizationId: row.organizationId,
          pointId: row.id,
          memberId: setting.memberId,
          onDemandAllowed: setting.onDemandAllowed ? 1 : 0,
          actions: setting.actions === null ? null : JSON.stringify(setting.actions),
        })),
      );
  }

  /** Translates the per-organization unique index on NFC UIDs into a 409 naming the field. */
  async function withConflictsExplained<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw nfcTagInUse({
        detail: 'Another point of this organization (perhaps an archived one) has this NFC tag.',
        errors: [{ in: 'body', pointer: '/nfcTagUid', detail: 'is in use by another point' }],
        cause: error,
      });
    }
  }

  type PointChange = (row: repository.PointRow) => Partial<repository.PointRow>;

  /**
   * Applies one change in a transaction and records it as a new version. A point that is (or
   * stays) active needs an active location it can be found at; archiving is always possible.
   */
  async function change(
    actor: Actor,
    pointId: string,
    apply: PointChange,
    memberSettings?: readonly PointMemberSettingBody[],
  ) {
    const state = await withConflictsExplained(() =>
      db.transaction().execute(async (trx) => {
        const current = await findVisiblePoint(actor, pointId, trx);
        const next = { ...current, ...apply(current), updatedAt: clock.now().toISOString() };
        if (next.archived === 0 || next.locationId !== current.locationId)
          await assertUsableLocation(actor, next.locationId, trx);
        if (memberSettings) await assertActiveMembers(trx, actor.organizationId, memberSettings);
        const nextState: PointState = memberSettings
          ? { row: next, memberSettings: normalizeMemberSettings(memberSettings) }
          : { ...(await loadState(trx, current)), row: next };
        await save(trx, actor, nextState, memberSettings !== undefined);
        return nextState;
      }),
    );
    return toPoint(state);
  }

  function assertValid(
    row: repository.PointRow,
    body: { defaultActions?: ActionDefinition[]; memberSettings?: PointMemberSettingBody[] },
  ) {
    const errors = validatePointFields(row, body.defaultActions, body.memberSettings);
    if (errors.length > 0)
      throw invalidPoint({
        detail: `Check ${[...new Set(errors.map((error) => error.pointer))].join(', ')}.`,
        errors,
      });
  }

  return {
    async listPoints(
      actor: Actor,
      query: {
        locationId: string | null;
        includeArchived: boolean;
        limit: number;
        cursor: string | null;
      },
    ) {
      // Filtering by a location the actor cannot see is the same 404 as reading it.
      if (query.locationId !== null)
        await locationsService.findVisibleLocation(actor, query.locationId);
      const rows = await repository.listPoints(db, actor.organizationId, {
        visibleLocationIds: actor.locationIds,
        locationId: query.locationId,
        includeArchived: query.includeArchived,
        after: query.cursor,
        limit: query.limit + 1,
      });
      const { items, nextCursor } = takePage(rows, query.limit);
      const settings = await repository.listMemberSettings(
        db,
        actor.organizationId,
        items.map((row) => row.id),
      );
      return {
        points: items.map((row) =>
          presentPoint(
            actor,
            toPoint({ row, memberSettings: (settings.get(row.id) ?? []).map(toMemberSetting) }),
          ),
        ),
        nextCursor,
      };
    },

    async getPoint(actor: Actor, pointId: string) {
      return presentPoint(
        actor,
        toPoint(await loadState(db, await findVisiblePoint(actor, pointId))),
      );
    },

    async listPointHistory(actor: Actor, pointId: string) {
      await findVisiblePoint(actor, pointId);
      const versions = await listVersions<Point>(
        db,
        'pointVersions',
        actor.organizationId,
        pointId,
      );
      return versions.map((version) => ({
        historyId: version.historyId,
        // The snapshot is taken before its own history id exists; the version row supplies it.
        point: presentPoint(actor, { ...version.snapshot, historyId: version.historyId }),
        changedBy: version.changedBy,
        createdAt: version.createdAt,
      }));
    },

    async createPoint(actor: Actor, body: CreatePointBody) {
      const now = clock.now().toISOString();
      const row: repository.PointRow = {
        organizationId: actor.organizationId,
        id: randomUUID(),
        locationId: body.locationId,
        name: body.name.trim(),
        description: body.description ?? null,
        qrCode: generateQrPayload(),
        nfcTagUid: normalizeNfcField(body.nfcTagUid) ?? null,
        latitude: body.latitude ?? null,
        longitude: body.longitude ?? null,
        radiusMeters: body.radiusMeters ?? null,
        onDemandCheckIns: body.onDemandCheckIns ?? 'DISABLED',
        defaultActions: JSON.stringify(normalizeActionDefinitions(body.defaultActions ?? [])),
        archived: 0,
        historyId: 0,
        createdAt: now,
        updatedAt: now,
      };
      assertValid(row, body);
      const memberSettings = normalizeMemberSettings(body.memberSettings ?? []);
      const state = await withConflictsExplained(() =>
        db.transaction().execute(async (trx) => {
          await assertUsableLocation(actor, row.locationId, trx);
          await assertActiveMembers(trx, actor.organizationId, body.memberSettings ?? []);
          // The row goes in first: its version is recorded next and the row then points at it.
          await repository.insertPoint(trx, row);
          const created: PointState = { row, memberSettings };
          await save(trx, actor, created, true);
          return created;
        }),
      );
      return toPoint(state);
    },

    updatePoint(actor: Actor, pointId: string, body: UpdatePointBody) {
      const nfcTagUid = normalizeNfcField(body.nfcTagUid);
      return change(
        actor,
        pointId,
        (current) => {
          const next: Partial<repository.PointRow> = {
            locationId: body.locationId ?? current.locationId,
            name: body.name?.trim() ?? current.name,
            description: body.description === undefined ? current.description : body.description,
            nfcTagUid: nfcTagUid === undefined ? current.nfcTagUid : nfcTagUid,
            latitude: body.latitude === undefined ? current.latitude : body.latitude,
            longitude: body.longitude === undefined ? current.longitude : body.longitude,
            radiusMeters:
              body.radiusMeters === undefined ? current.radiusMeters : body.radiusMeters,
            onDemandCheckIns: body.onDemandCheckIns ?? current.onDemandCheckIns,
            defaultActions: body.defaultActions
              ? JSON.stringify(normalizeActionDefinitions(body.defaultActions))
              : current.defaultActions,
          };
          assertValid({ ...current, ...next }, body);
          return next;
        },
        body.memberSettings,
      );
    },

    /** A new random payload: printed copies of the old code stop matching at once. */
    regenerateQrCode: (actor: Actor, pointId: string) =>
      change(actor, pointId, () => ({ qrCode: generateQrPayload() })),

    archivePoint: (actor: Actor, pointId: string) =>
      change(actor, pointId, () => ({ archived: 1 })),
    restorePoint: (actor: Actor, pointId: string) =>
      change(actor, pointId, () => ({ archived: 0 })),

    /** The active points of a visible location, by name, with the location: a printed sheet's content. */
    async listPointsForSheet(actor: Actor, locationId: string) {
      const location = await locationsService.findVisibleLocation(actor, locationId);
      const rows = await repository.listActivePointsByName(db, actor.organizationId, locationId);
      return { location, points: rows.map((row) => ({ name: row.name, qrCode: row.qrCode })) };
    },

    /** One point with its location's name, for its own printed label. */
    async findPointForSheet(actor: Actor, pointId: string) {
      const row = await findVisiblePoint(actor, pointId);
      const location = await locationsService.findVisibleLocation(actor, row.locationId);
      return { location, point: { id: row.id, name: row.name, qrCode: row.qrCode } };
    },
  };
}
