import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Database, DatabaseHandle, Role } from '../../database/database.js';
import { isUniqueViolation } from '../../database/dialect.js';
import type { Clock } from '../../shared/clock.js';
import type { DomainEvents } from '../../shared/domain-events.js';
import type { Mailer } from '../../shared/mailer.js';
import { takePage } from '../../shared/paging.js';
import { generateSecret, hashSecret } from '../../shared/secrets.js';
import { describeActor, type Actor } from '../auth/actor.js';
import { assertStrongPassword } from '../auth/auth.service.js';
import { hashPassword } from '../auth/passwords.js';
import {
  cannotLeave,
  invitationNotValid,
  memberConflict,
  memberDetailsRequired,
  ownerRequired,
  ownershipTransferNotPossible,
  passwordRequired,
  unknownLocation,
  userNotFound,
} from './members.errors.js';
import * as repository from './members.repository.js';
import type { CreateUserBody, UpdateUserBody, User } from './members.schemas.js';

/** How long an invitation link stays valid. */
const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface NewMember {
  readonly personId: string | null;
  readonly role: Role;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly memberNumber: string | null;
  readonly pin: string | null;
  readonly locationIds: readonly string[];
}

export type MembersService = ReturnType<typeof createMembersService>;

export function createMembersService({
  database,
  clock,
  mailer,
  config,
  domainEvents,
}: {
  database: DatabaseHandle;
  clock: Clock;
  mailer: Mailer;
  config: Pick<Config, 'publicUrl'>;
  domainEvents: DomainEvents;
}) {
  const { db } = database;

  async function toUsers(
    organizationId: string,
    rows: repository.MemberRow[],
    target: Kysely<Database> = db,
  ): Promise<User[]> {
    const locations = await repository.listLocationIdsByMember(
      target,
      organizationId,
      rows.map((row) => row.id),
    );
    return rows.map((row) => ({
      id: row.id,
      historyId: row.historyId,
      firstName: row.firstName,
      lastName: row.lastName,
      email: row.email,
      phone: row.phone,
      role: row.role,
      locationIds: locations.get(row.id) ?? [],
      memberNumber: row.memberNumber,
      archived: row.archived === 1,
      hasAccount: row.personId !== null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    }));
  }

  /** A member the actor may see: another organization's, or outside the actor's locations, is "not found". */
  async function findVisibleMember(actor: Actor, memberId: string, target: Kysely<Database> = db) {
    const member = await repository.findMember(target, actor.organizationId, memberId);
    if (!member) throw userNotFound({ detail: `There is no user ${memberId}.` });
    if (actor.locationIds !== null && !(actor.kind === 'member' && actor.memberId === memberId)) {
      const theirs =
        (await repository.listLocationIdsByMember(target, actor.organizationId, [memberId])).get(
          memberId,
        ) ?? [];
      if (!theirs.some((locationId) => actor.locationIds?.includes(locationId))) {
        throw userNotFound({ detail: `There is no user ${memberId}.` });
      }
    }
    return member;
  }

  async function assertLocationsExist(
    target: Kysely<Database>,
    organizationId: string,
    locationIds: readonly string[],
  ) {
    const existing = await repository.findExistingLocationIds(target, organizationId, locationIds);
    const errors = locationIds.flatMap((locationId, index) =>
      existing.has(locationId)
        ? []
        : [
            {
              in: 'body' as const,
              pointer: `/locationIds/${index}`,
              detail: 'is not a location of this organization',
            },
          ],
    );
    if (errors.length > 0)
      throw unknownLocation({
        detail: 'Assign only existing, active locations of this organization.',
        errors,
      });
  }

  function assertRoleDetails(
    member: { role: Role; email: string | null; memberNumber: string | null },
    hasPin: boolean,
  ) {
    const errors = [];
    if (member.role !== 'GUARD' && !member.email)
      errors.push({
        in: 'body' as const,
        pointer: '/email',
        detail: `is required for the role ${member.role}`,
      });
    if (member.role === 'GUARD' && !member.memberNumber)
      errors.push({
        in: 'body' as const,
        pointer: '/memberNumber',
        detail: 'is required for a guard',
      });
    if (member.role === 'GUARD' && !hasPin)
      errors.push({ in: 'body' as const, pointer: '/pin', detail: 'is required for a guard' });
    if (errors.length > 0)
      throw memberDetailsRequired({
        detail: `Check ${errors.map((error) => error.pointer).join(', ')}.`,
        errors,
      });
  }

  /** Translates the unique indexes on e-mail and member number into a 409 naming the field. */
  async function withConflictsExplained<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw memberConflict({
        detail: 'Another member of this organization has this e-mail address or member number.',
        errors: [
          { in: 'body', pointer: '/email', detail: 'may already be in use' },
          { in: 'body', pointer: '/memberNumber', detail: 'may already be in use' },
        ],
      });
    }
  }

  /**
   * Adds a member and its first history version, in the caller's transaction. Used by the users
   * API, sign-up and the CLI alike.
   */
  async function addMember(
    target: Kysely<Database>,
    organizationId: string,
    input: NewMember,
    changedBy: string | null,
  ) {
    const now = clock.now().toISOString();
    const base = {
      organizationId,
      id: randomUUID(),
      personId: input.personId,
      role: input.role,
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email ? input.email.trim().toLowerCase() : null,
      phone: input.phone,
      memberNumber: input.memberNumber,
      pinHash: input.pin ? await hashPassword(input.pin) : null,
      archived: 0 as const,
      createdAt: now,
      updatedAt: now,
    };
    // The version is written first so the member row can point at it.
    const member = { ...base, historyId: 0 };
    await repository.insertMember(target, member, input.locationIds);
    member.historyId = await repository.insertMemberVersion(
      target,
      base,
      input.locationIds,
      changedBy,
      now,
    );
    await repository.updateMember(target, member);
    return member;
  }

  type MemberChange = (member: repository.MemberRow) => Partial<repository.MemberRow>;

  /**
   * Applies one change to a member inside `trx`: new version, locations, the last-Owner rule,
   * sessions of an archived member, an invitation when an address is added. Returns the new row
   * and the e-mails to deliver once the transaction has committed.
   */
  async function applyMemberChange(
    trx: Kysely<Database>,
    actor: Actor,
    memberId: string,
    change: MemberChange,
    locationIds?: readonly string[],
  ) {
    const current = await findVisibleMember(actor, memberId, trx);
    const next = { ...current, ...change(current), updatedAt: clock.now().toISOString() };
    const nextLocationIds =
      locationIds ??
      (await repository.listLocationIdsByMember(trx, actor.organizationId, [memberId])).get(
        memberId,
      ) ??
      [];
    if (locationIds) {
      await assertLocationsExist(trx, actor.organizationId, locationIds);
      await repository.replaceMemberLocations(trx, actor.organizationId, memberId, locationIds);
    }
    if (
      current.role === 'OWNER' &&
      (next.role !== 'OWNER' || next.archived === 1) &&
      (await repository.countActiveOwners(trx, actor.organizationId)) <= 1
    ) {
      throw ownerRequired({ detail: 'Transfer ownership to another member first.' });
    }
    next.historyId = await repository.insertMemberVersion(
      trx,
      next,
      nextLocationIds,
      describeActor(actor),
      next.updatedAt,
    );
    await repository.updateMember(trx, next);
    // Archiving ends the member's sessions at once; a role change needs nothing, since every
    // request reads the member's current role.
    if (next.archived === 1)
      await repository.deleteSessionsOfMember(trx, actor.organizationId, memberId);
    if (next.archived === 1 && current.archived === 0)
      await domainEvents.emit(trx, actor.organizationId, {
        type: 'member.archived',
        locationId: null,
        data: async () => (await toUsers(actor.organizationId, [next], trx))[0],
      });
    const outboxIds =
      next.email && next.email !== current.email && next.personId === null
        ? [await inviteMember(trx, actor.organizationId, next)]
        : [];
    return { member: next, outboxIds };
  }

  /** Runs member changes in one transaction, then delivers their e-mails and returns the users. */
  async function changeMembers(
    actor: Actor,
    changes: readonly { memberId: string; change: MemberChange; locationIds?: readonly string[] }[],
  ) {
    const applied = await withConflictsExplained(() =>
      db.transaction().execute(async (trx) => {
        const results = [];
        for (const { memberId, change, locationIds } of changes) {
          results.push(await applyMemberChange(trx, actor, memberId, change, locationIds));
        }
        return results;
      }),
    );
    for (const outboxId of applied.flatMap((result) => result.outboxIds))
      await mailer.deliver(db, outboxId);
    return toUsers(
      actor.organizationId,
      applied.map((result) => result.member),
    );
  }

  async function changeMember(
    actor: Actor,
    memberId: string,
    change: MemberChange,
    locationIds?: readonly string[],
  ) {
    const [user] = await changeMembers(actor, [
      { memberId, change, ...(locationIds ? { locationIds } : {}) },
    ]);
    return user!;
  }

  async function inviteMember(
    target: Kysely<Database>,
    organizationId: string,
    member: repository.MemberRow,
  ): Promise<string> {
    const token = generateSecret();
    const now = clock.now();
    await target
      .insertInto('oneTimeTokens')
      .values({
        tokenHash: hashSecret(token),
        purpose: 'INVITATION',
        organizationId,
        personId: null,
        memberId: member.id,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS).toISOString(),
        usedAt: null,
      })
      .execute();
    const organization = await target
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', organizationId)
      .executeTakeFirstOrThrow();
    return mailer.enqueue(target, {
      organizationId,
      to: member.email!,
      subject: `You are invited to ${organization.name} on OpenPatrol`,
      text:
        `Hello ${member.firstName},\n\n${organization.name} has added you to OpenPatrol as ${member.role.toLowerCase()}.\n` +
        `Accept the invitation and choose your password here (valid for 7 days):\n\n` +
        `${config.publicUrl}/invitations/accept?token=${token}\n`,
    });
  }

  return {
    addMember,

    /**
     * Links the invited member to a personal account: the existing one with the invited address,
     * or a new one with the chosen password. The link proves control of the address.
     */
    async acceptInvitation(input: { token: string; password: string | null }) {
      const now = clock.now().toISOString();
      return db.transaction().execute(async (trx) => {
        const invitation = await trx
          .selectFrom('oneTimeTokens')
          .selectAll()
          .where('tokenHash', '=', hashSecret(input.token))
          .where('purpose', '=', 'INVITATION')
          .executeTakeFirst();
        const member =
          invitation?.memberId && invitation.organizationId
            ? await repository.findMember(trx, invitation.organizationId, invitation.memberId)
            : undefined;
        if (
          !invitation ||
          !member ||
          invitation.usedAt !== null ||
          invitation.expiresAt <= now ||
          member.archived === 1 ||
          !member.email
        ) {
          throw invitationNotValid({
            detail: 'This invitation link is not valid any more: ask for a new one.',
          });
        }
        let person = await trx
          .selectFrom('people')
          .selectAll()
          .where('email', '=', member.email)
          .executeTakeFirst();
        if (!person) {
          if (!input.password) {
            throw passwordRequired({
              detail: 'Choose a password for your new account.',
              errors: [{ in: 'body', pointer: '/password', detail: 'is required' }],
            });
          }
          assertStrongPassword(
            input.password,
            [member.email.split('@')[0] ?? '', member.firstName, member.lastName],
            '/password',
          );
          person = {
            id: randomUUID(),
            email: member.email,
            passwordHash: await hashPassword(input.password),
            firstName: member.firstName,
            lastName: member.lastName,
            createdAt: now,
            updatedAt: now,
          };
          await trx.insertInto('people').values(person).execute();
        }
        await trx
          .updateTable('members')
          .set({ personId: person.id, updatedAt: now })
          .where('id', '=', member.id)
          .execute();
        await trx
          .updateTable('oneTimeTokens')
          .set({ usedAt: now })
          .where('tokenHash', '=', invitation.tokenHash)
          .execute();
        return { personId: person.id, organizationId: member.organizationId, memberId: member.id };
      });
    },

    async listUsers(
      actor: Actor,
      query: { limit: number; cursor: string | null; includeArchived: boolean },
    ) {
      const rows = await repository.listMembers(db, actor.organizationId, {
        visibleLocationIds: actor.locationIds,
        includeArchived: query.includeArchived,
        after: query.cursor,
        limit: query.limit + 1,
      });
      const { items, nextCursor } = takePage(rows, query.limit);
      return { users: await toUsers(actor.organizationId, items), nextCursor };
    },

    async getUser(actor: Actor, memberId: string) {
      const [user] = await toUsers(actor.organizationId, [
        await findVisibleMember(actor, memberId),
      ]);
      return user!;
    },

    async listUserHistory(actor: Actor, memberId: string) {
      await findVisibleMember(actor, memberId);
      const versions = await repository.listMemberVersions(db, actor.organizationId, memberId);
      return versions.map((version) => ({
        historyId: version.historyId,
        firstName: version.firstName,
        lastName: version.lastName,
        email: version.email,
        phone: version.phone,
        role: version.role,
        locationIds: JSON.parse(version.locationIds) as string[],
        memberNumber: version.memberNumber,
        archived: version.archived === 1,
        changedBy: version.changedBy,
        createdAt: version.createdAt,
      }));
    },

    /** Creates a user; one with an e-mail address is sent an invitation to set a password. */
    async createUser(actor: Actor, body: CreateUserBody) {
      const input: NewMember = {
        personId: null,
        role: body.role,
        firstName: body.firstName,
        lastName: body.lastName,
        email: body.email ?? null,
        phone: body.phone ?? null,
        memberNumber: body.memberNumber ?? null,
        pin: body.pin ?? null,
        locationIds: body.locationIds ?? [],
      };
      assertRoleDetails(input, input.pin !== null);
      let outboxId: string | null = null;
      const member = await withConflictsExplained(() =>
        db.transaction().execute(async (trx) => {
          await assertLocationsExist(trx, actor.organizationId, input.locationIds);
          const created = await addMember(trx, actor.organizationId, input, describeActor(actor));
          if (created.email) outboxId = await inviteMember(trx, actor.organizationId, created);
          await domainEvents.emit(trx, actor.organizationId, {
            type: 'member.created',
            locationId: null,
            data: async () => (await toUsers(actor.organizationId, [created], trx))[0],
          });
          return created;
        }),
      );
      if (outboxId) await mailer.deliver(db, outboxId);
      const [user] = await toUsers(actor.organizationId, [member]);
      return user!;
    },

    async updateUser(actor: Actor, memberId: string, body: UpdateUserBody) {
      const pinHash = body.pin ? await hashPassword(body.pin) : undefined;
      return changeMember(
        actor,
        memberId,
        (current) => {
          const next = {
            role: body.role ?? current.role,
            firstName: body.firstName ?? current.firstName,
            lastName: body.lastName ?? current.lastName,
            email:
              body.email === undefined ? current.email : (body.email?.trim().toLowerCase() ?? null),
            phone: body.phone === undefined ? current.phone : body.phone,
            memberNumber:
              body.memberNumber === undefined ? current.memberNumber : body.memberNumber,
            pinHash: pinHash ?? current.pinHash,
          };
          assertRoleDetails(next, next.pinHash !== null);
          return next;
        },
        body.locationIds,
      );
    },

    /**
     * Hands the Owner role to another member with a personal account; the previous Owner becomes
     * an Admin. Both changes are versioned in one transaction.
     */
    async transferOwnership(actor: Actor, newOwnerId: string) {
      if (actor.kind !== 'member' || actor.role !== 'OWNER')
        throw ownershipTransferNotPossible({
          detail: 'Only the Owner, signed in, can hand ownership over.',
        });
      if (newOwnerId === actor.memberId)
        throw ownershipTransferNotPossible({ detail: 'You are the Owner already.' });
      const target = await findVisibleMember(actor, newOwnerId);
      if (target.archived === 1 || target.personId === null || target.role === 'GUARD') {
        throw ownershipTransferNotPossible({
          detail:
            'The new Owner must be an active member with a personal account (an accepted invitation), not a guard.',
        });
      }
      const [newOwner] = await changeMembers(actor, [
        { memberId: newOwnerId, change: () => ({ role: 'OWNER' }) },
        { memberId: actor.memberId, change: () => ({ role: 'ADMIN' }) },
      ]);
      return newOwner!;
    },

    /** The signed-in person leaves the organization: their membership is archived, history kept. */
    async leaveOrganization(actor: Actor) {
      if (actor.kind !== 'member' || actor.personId === null) {
        throw cannotLeave({ detail: 'Only a person signed in with their own account can leave.' });
      }
      await changeMember(actor, actor.memberId, () => ({ archived: 1 }));
    },

    archiveUser: (actor: Actor, memberId: string) =>
      changeMember(actor, memberId, () => ({ archived: 1 })),
    restoreUser: (actor: Actor, memberId: string) =>
      changeMember(actor, memberId, () => ({ archived: 0 })),
  };
}
